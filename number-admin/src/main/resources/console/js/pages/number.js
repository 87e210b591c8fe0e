// One number: what it is, where its calls go (forwarding, fallback), its comment, who it is registered to,
// the route simulator and its call records. Each section saves with its own PATCH/PUT through the API.
import {h, field, input, select, table, status, replace, formatTime} from '../dom.js';
import {t} from '../i18n.js';
import {get, patch, put, post, all, numberPath, query} from '../api.js';
import {showError, clearErrors, pageError} from '../errors.js';
import {forwardingEditor, fallbackEditor, forwardingSummary, fallbackSummary, loadRefs} from '../routing.js';
import {categoryBadge, stateBadge} from './numbers.js';
import {callRows, CALL_HEADERS} from './calls.js';

export async function render(root, [number], app) {
  let current;
  try {
    current = await get(numberPath(number));
  } catch (error) {
    // another account's number and a number that does not exist answer alike: not found
    pageError(root, error);
    return;
  }
  const refs = await loadRefs(all);
  const summary = h('dl', {class: 'facts'});
  const drawSummary = () => replace(summary,
    h('dt', {}, t('numbers.state')), h('dd', {}, stateBadge(current.state)),
    h('dt', {}, t('numbers.category')), h('dd', {}, categoryBadge(current.category),
      ' ', (current.category_reasons || []).join('; ')),
    h('dt', {}, t('buy.monthly')), h('dd', {}, `${current.price?.monthly_fee || ''} ${current.price?.currency || ''}`),
    h('dt', {}, t('numbers.forwarding')), h('dd', {id: 'forwarding-summary'}, forwardingSummary(current.forwarding, refs)),
    h('dt', {}, t('numbers.fallback')), h('dd', {id: 'fallback-summary'}, fallbackSummary(current.fallback, refs)),
    h('dt', {}, t('numbers.comment')), h('dd', {class: 'comment'}, current.comment || '—'));
  drawSummary();
  const changed = (updated) => {
    current = updated;
    drawSummary();
  };
  root.append(h('h1', {}, current.international || current.number), summary);
  {
    root.append(forwardingSection(current, refs, changed), fallbackSection(current, refs, changed),
      commentSection(current, changed));
  }
  root.append(bindingSection(current, app), simulatorSection(current), await callsSection(current));
}

function saveForm(title, id, controls, save) {
  const progress = status();
  const form = h('form', {class: 'card', id, novalidate: true}, h('h2', {}, title), controls,
    h('button', {type: 'submit', class: 'primary'}, t('common.save')), progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    progress.textContent = t('common.working');
    try {
      await save();
      progress.textContent = t('common.saved');
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    }
  });
  return form;
}

function forwardingSection(n, refs, changed) {
  const editor = forwardingEditor(refs, n.forwarding);
  return saveForm(t('forwarding.title'), 'forwarding-form', editor.element,
    async () => changed(await patch(numberPath(n.number), {forwarding: editor.value()})));
}

function fallbackSection(n, refs, changed) {
  const editor = fallbackEditor(refs, n.fallback);
  return saveForm(t('fallback.title'), 'fallback-form', editor.element,
    async () => changed(await patch(numberPath(n.number), {fallback: editor.value()})));
}

function commentSection(n, changed) {
  const comment = h('textarea', {name: 'comment', rows: 3, maxlength: 1000, value: n.comment || ''});
  return saveForm(t('numbers.comment'), 'comment-form', field(t('numbers.comment'), comment, 'comment'),
    async () => changed(await patch(numberPath(n.number), {comment: comment.value.trim() ? comment.value : null})));
}

function bindingSection(n) {
  const section = h('section', {class: 'card', id: 'binding'}, h('h2', {}, t('binding.title')));
  const state = h('div', {id: 'binding-state'});
  section.append(state);
  const drawState = async () => {
    try {
      const b = await get(`${numberPath(n.number)}/binding`);
      replace(state, h('dl', {class: 'facts'},
        h('dt', {}, t('binding.holder')), h('dd', {}, `${t(`binding.${b.holder_type}`)} ${b.holder_id}`),
        h('dt', {}, t('binding.status')), h('dd', {class: 'binding-status'}, t(`binding.status.${b.status}`)),
        h('dt', {}, t('binding.deadline')), h('dd', {}, formatTime(b.deadline_at)),
        h('dt', {}, t('binding.registry')), h('dd', {}, (b.registry_requests || []).map((r) =>
          h('div', {}, `${formatTime(r.submitted_at)} · ${t(`binding.request.${r.status}`)}${r.reason ? ` · ${r.reason}` : ''}`)))));
    } catch (error) {
      replace(state, h('p', {class: 'muted'}, error.status === 404 ? t('binding.none') : error.message));
    }
  };
  drawState();
  const kind = select('kind', [['end_user', t('binding.end_user')], ['m2m_device', t('binding.m2m_device')]], 'end_user');
  const holder = select('holder', [], '');
  const billing = select('billing', [['postpaid', t('binding.postpaid')], ['prepaid', t('binding.prepaid')]], 'postpaid');
  const holders = {end_user: [], m2m_device: []};
  const fill = () => {
    const list = holders[kind.value];
    replace(holder, h('option', {value: ''}, t('common.choose')), list.map((item) =>
      h('option', {value: item.id}, kind.value === 'end_user' ? item.full_name : `${item.model} ${item.serial_number || item.imei || ''}`)));
  };
  kind.addEventListener('change', fill);
  Promise.all([all('/v1/end-users?limit=100').catch(() => []), all('/v1/m2m-devices?limit=100').catch(() => [])])
    .then(([users, devices]) => {
      holders.end_user = users;
      holders.m2m_device = devices;
      fill();
    });
  const form = saveForm(t('binding.bind'), 'binding-form', [field(t('binding.kind'), kind, 'kind'),
    field(t('binding.holder'), holder, 'end_user_id m2m_device_id'),
    field(t('binding.billing'), billing, 'billing')], async () => {
    const body = {billing: billing.value};
    body[kind.value === 'end_user' ? 'end_user_id' : 'm2m_device_id'] = holder.value;
    await put(`${numberPath(n.number)}/binding`, body);
    await drawState();
  });
  section.append(form);
  return section;
}

function simulatorSection(n) {
  const at = input({type: 'datetime-local', name: 'at'});
  const caller = input({name: 'caller', inputmode: 'tel'});
  const digits = input({name: 'digits', placeholder: '1 2 #'});
  const result = h('ol', {class: 'simulation', id: 'simulation'});
  const form = saveForm(t('simulate.title'), 'simulate-form', [field(t('simulate.at'), at, 'at', t('simulate.atHint')),
    field(t('simulate.caller'), caller, 'caller'), field(t('simulate.digits'), digits, 'digits', t('simulate.digitsHint'))],
  async () => {
    const body = {};
    if (at.value) body.at = new Date(at.value).toISOString();
    if (caller.value.trim()) body.caller = caller.value.trim();
    if (digits.value.trim()) body.digits = digits.value.trim().split(/\s+/);
    const simulation = await post(`${numberPath(n.number)}/simulate`, body);
    replace(result, (simulation.path || []).map((step) => h('li', {}, h('span', {class: 'badge'}, step.kind), ' ',
      step.text || JSON.stringify(step))), (simulation.warnings || []).map((w) => h('li', {class: 'warning'}, w)));
  });
  form.querySelector('button[type=submit]').textContent = t('simulate.run');
  form.append(result);
  return form;
}

async function callsSection(n) {
  const section = h('section', {class: 'card', id: 'number-calls'}, h('h2', {}, t('calls.title')));
  try {
    const page = await get(`/v1/cdrs${query({number: n.number, limit: 20})}`);
    section.append(page.items.length ? table(CALL_HEADERS(), callRows(page.items)) : h('p', {class: 'muted'}, t('calls.none')));
  } catch (error) {
    section.append(h('p', {class: 'error'}, error.message));
  }
  return section;
}
