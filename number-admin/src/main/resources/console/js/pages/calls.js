// Call records with filters, and the voicemails left on the account's numbers with their audio.
import {h, field, input, select, table, replace, formatTime, button} from '../dom.js';
import {t} from '../i18n.js';
import {get, patch, query} from '../api.js';
import {showError, clearErrors} from '../errors.js';

const RESULTS = ['answered', 'busy', 'no_answer', 'cancelled', 'rejected', 'failed', 'not_acknowledged'];

export const CALL_HEADERS = () => [t('calls.started'), t('calls.direction'), t('calls.number'), t('calls.caller'),
  t('calls.callee'), t('calls.result'), t('calls.duration'), t('calls.fallback')];

export function callRows(items) {
  return items.map((c) => h('tr', {}, h('td', {}, formatTime(c.started_at)), h('td', {}, t(`calls.${c.direction}`)),
    h('td', {}, c.number || ''), h('td', {}, c.caller || ''), h('td', {}, c.callee || ''),
    h('td', {}, `${t(`result.${c.result}`)} (${c.final_code})`), h('td', {}, `${c.duration_s} s`), h('td', {}, c.fallback || '')));
}

function isoOf(local) {
  return local ? new Date(local).toISOString() : '';
}

export async function render(root) {
  const f = {
    from: input({type: 'datetime-local', name: 'from'}),
    to: input({type: 'datetime-local', name: 'to'}),
    number: input({name: 'number', inputmode: 'tel'}),
    direction: select('direction', [['', t('common.any')], ['inbound', t('calls.inbound')], ['outbound', t('calls.outbound')]], ''),
    result: select('result', [['', t('common.any')], ...RESULTS.map((r) => [r, t(`result.${r}`)])], ''),
  };
  const form = h('form', {class: 'filters', role: 'search', novalidate: true},
    field(t('calls.from'), f.from, 'from'), field(t('calls.to'), f.to, 'to'), field(t('calls.number'), f.number, 'number'),
    field(t('calls.direction'), f.direction, 'direction'), field(t('calls.result'), f.result, 'result'),
    h('button', {type: 'submit'}, t('common.search')));
  const list = h('div', {id: 'calls-list'});
  const voicemails = h('section', {id: 'voicemails'});
  let cursor = null;
  let shown = [];
  const load = async (more) => {
    const page = await get(`/v1/cdrs${query({from: isoOf(f.from.value), to: isoOf(f.to.value), number: f.number.value,
      direction: f.direction.value, result: f.result.value, limit: 50, cursor: more ? cursor : null})}`);
    shown = more ? shown.concat(page.items) : page.items;
    cursor = page.next_cursor;
    replace(list, shown.length ? table(CALL_HEADERS(), callRows(shown), t('calls.title')) : h('p', {class: 'muted'}, t('calls.none')),
      cursor ? button(t('common.more'), () => load(true)) : null);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await load(false);
    } catch (error) {
      showError(form, error);
    }
  });
  root.append(h('h1', {}, t('calls.title')), form, list, voicemails);
  await load(false);
  await drawVoicemails(voicemails);
}

async function drawVoicemails(section) {
  const page = await get('/v1/voicemails?limit=50');
  const rows = page.items.map((v) => {
    const audio = h('audio', {controls: true, preload: 'none', src: `/v1/voicemails/${encodeURIComponent(v.id)}/audio`,
      'aria-label': t('voicemail.play', v.caller)});
    const state = h('span', {}, v.heard ? t('voicemail.heard') : t('voicemail.new'));
    audio.addEventListener('play', async () => {
      if (v.heard) return;
      try {
        await patch(`/v1/voicemails/${encodeURIComponent(v.id)}`, {heard: true});
        v.heard = true;
        state.textContent = t('voicemail.heard');
      } catch {
        // listening matters more than the mark
      }
    }, {once: true});
    return h('tr', {}, h('td', {}, formatTime(v.started_at)), h('td', {}, v.number), h('td', {}, v.caller),
      h('td', {}, `${Math.round(v.duration_ms / 1000)} s`), h('td', {}, state), h('td', {}, audio));
  });
  replace(section, h('h2', {}, t('voicemail.title')), rows.length
    ? table([t('calls.started'), t('calls.number'), t('calls.caller'), t('calls.duration'), t('voicemail.state'), t('voicemail.audio')], rows)
    : h('p', {class: 'muted'}, t('voicemail.none')));
}
