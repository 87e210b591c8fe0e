// The account's numbers: filters, a table with a checkbox per number, and the bulk change that shows the
// dry run's per-number diff and applies exactly that only when asked.
import {h, field, input, select, button, table, badge, status, replace} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, query, all} from '../api.js';
import {showError, clearErrors, describe} from '../errors.js';
import {forwardingSummary, fallbackSummary, forwardingEditor, fallbackEditor, loadRefs} from '../routing.js';

const STATES = ['', 'active', 'pending_compliance', 'disconnected'];
const TYPES = ['', 'city', 'mobile', 'toll_free'];
export const CATEGORIES = ['regular', 'bronze', 'silver', 'gold', 'platinum', 'diamond'];

export function categoryBadge(category) {
  return badge(t(`category.${category}`), category);
}

export function stateBadge(state) {
  return badge(t(`state.${state}`), state === 'active' ? 'ok' : (state === 'pending_compliance' ? 'warn' : 'off'));
}

/** What the number may do now (its compliance permissions), or why it waits. */
function compliance(n) {
  if (n.state === 'pending_compliance') return t('compliance.pending');
  if (!n.permissions) return t('compliance.ok');
  const yes = (allowed) => (allowed ? '✓' : '✗');
  return t('compliance.permissions', yes(n.permissions.inbound), yes(n.permissions.outbound));
}

export async function render(root, params, app) {
  const refs = await loadRefs(all);
  const filters = {
    state: select('state', STATES.map((s) => [s, s ? t(`state.${s}`) : t('common.any')]), ''),
    type: select('type', TYPES.map((s) => [s, s ? t(`type.${s}`) : t('common.any')]), ''),
    category: select('category', [['', t('common.any')], ...CATEGORIES.map((c) => [c, t(`category.${c}`)])], ''),
    contains: input({name: 'contains', inputmode: 'numeric'}),
    comment: input({name: 'comment'}),
  };
  const filterForm = h('form', {class: 'filters', role: 'search'},
    field(t('numbers.state'), filters.state, 'state'), field(t('numbers.type'), filters.type, 'type'),
    field(t('numbers.category'), filters.category, 'category'), field(t('numbers.contains'), filters.contains, 'contains'),
    field(t('numbers.comment'), filters.comment, 'comment'),
    h('button', {type: 'submit'}, t('common.search')));
  const list = h('div', {id: 'numbers-list'});
  const outcome = h('p', {class: 'status', id: 'numbers-status', role: 'status', 'aria-live': 'polite', tabindex: -1});
  const bulk = h('section', {class: 'bulk', 'aria-labelledby': 'bulk-title', hidden: true});
  const selected = new Set();
  let nextCursor = null;
  let shown = [];

  const selectionChanged = () => {
    bulk.hidden = selected.size === 0;
    const count = bulk.querySelector('#bulk-count');
    if (count) count.textContent = t('bulk.selected', selected.size);
  };

  const row = (n) => {
    const box = h('input', {type: 'checkbox', checked: selected.has(n.number), 'aria-label': t('bulk.select', n.number),
      class: 'pick', value: n.number});
    box.addEventListener('change', () => {
      if (box.checked) selected.add(n.number);
      else selected.delete(n.number);
      selectionChanged();
    });
    return h('tr', {data: {number: n.number}},
      h('td', {}, box),
      h('td', {}, h('a', {href: `#/numbers/${encodeURIComponent(n.number)}`}, n.international || n.number)),
      h('td', {}, stateBadge(n.state)),
      h('td', {}, categoryBadge(n.category)),
      h('td', {class: 'forwarding'}, forwardingSummary(n.forwarding, refs)),
      h('td', {}, fallbackSummary(n.fallback, refs)),
      h('td', {class: 'comment'}, n.comment || ''),
      h('td', {}, compliance(n)));
  };

  const draw = () => {
    const headers = ['', t('numbers.number'), t('numbers.state'), t('numbers.category'), t('numbers.forwarding'),
      t('numbers.fallback'), t('numbers.comment'), t('numbers.compliance')];
    const selectAll = button(t('bulk.selectAll'), () => {
      shown.forEach((n) => selected.add(n.number));
      list.querySelectorAll('input.pick').forEach((box) => { box.checked = true; });
      selectionChanged();
    }, {id: 'select-all'});
    replace(list,
      shown.length ? null : h('p', {class: 'muted'}, t('numbers.empty')),
      shown.length ? h('div', {class: 'row'}, selectAll, h('span', {class: 'muted'}, t('numbers.count', shown.length))) : null,
      shown.length ? table(headers, shown.map(row), t('numbers.title')) : null,
      nextCursor ? button(t('common.more'), () => load(true)) : null);
  };

  const currentQuery = () => Object.fromEntries(Object.entries(filters).map(([k, el]) => [k, el.value]));
  const load = async (more) => {
    const page = await get(`/v1/numbers${query({...currentQuery(), limit: 100, cursor: more ? nextCursor : null})}`);
    shown = more ? shown.concat(page.items) : page.items;
    nextCursor = page.next_cursor;
    draw();
  };
  filterForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(filterForm);
    try {
      await load(false);
    } catch (error) {
      showError(filterForm, error);
    }
  });

  drawBulk(bulk, selected, refs, async (message) => {
    selected.clear();
    selectionChanged();
    await load(false);
    // the bulk panel hides with the selection: the outcome is told beside the list
    outcome.textContent = message;
    outcome.focus();
  });
  root.append(h('h1', {}, t('numbers.title')),
    h('p', {}, h('a', {href: '#/buy', class: 'button'}, t('numbers.buy'))),
    filterForm, bulk, outcome, list);
  await load(false);
  selectionChanged();
}

function drawBulk(section, selected, refs, done) {
  const what = select('what', [['comment', t('bulk.comment')], ['forwarding', t('bulk.forwarding')],
    ['fallback', t('bulk.fallback')]], 'comment');
  const comment = h('textarea', {name: 'comment', rows: 2});
  const commentField = field(t('numbers.comment'), comment, 'comment', t('bulk.commentHint'));
  const forwarding = forwardingEditor(refs, null);
  const fallback = fallbackEditor(refs, null);
  const editors = {comment: commentField, forwarding: forwarding.element, fallback: fallback.element};
  const show = () => {
    for (const [key, el] of Object.entries(editors)) el.hidden = key !== what.value;
  };
  what.addEventListener('change', show);
  show();
  const diff = h('div', {id: 'bulk-diff', 'aria-live': 'polite'});
  const progress = status();
  const apply = h('button', {type: 'button', class: 'primary', id: 'bulk-apply', disabled: true}, t('bulk.apply'));
  const form = h('form', {novalidate: true}, field(t('bulk.what'), what, 'what'), Object.values(editors),
    h('div', {class: 'row'}, h('button', {type: 'submit', id: 'bulk-preview'}, t('bulk.preview')), apply), progress, diff);
  let previewed = null;
  const body = () => {
    const set = {};
    if (what.value === 'comment') set.comment = comment.value.trim() ? comment.value : null;
    if (what.value === 'forwarding') set.forwarding = forwarding.value();
    if (what.value === 'fallback') set.fallback = fallback.value();
    return {numbers: [...selected], set};
  };
  form.addEventListener('input', () => {
    // a change after the preview makes it stale: preview again before applying
    previewed = null;
    apply.disabled = true;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    progress.textContent = t('common.working');
    try {
      const request = body();
      const outcome = await post('/v1/numbers/bulk?dry_run=true', request);
      previewed = request;
      replace(diff, diffTable(outcome));
      apply.disabled = outcome.changed === 0;
      progress.textContent = t('bulk.previewed', outcome.matched, outcome.changed);
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    }
  });
  apply.addEventListener('click', async () => {
    if (!previewed) return;
    clearErrors(form);
    apply.disabled = true;
    progress.textContent = t('common.working');
    try {
      const outcome = await post('/v1/numbers/bulk', previewed);
      previewed = null;
      replace(diff);
      progress.textContent = '';
      await done(t('bulk.applied', outcome.changed));
    } catch (error) {
      progress.textContent = describe(error);
      showError(form, error);
    }
  });
  section.append(h('h2', {id: 'bulk-title'}, t('bulk.title')), h('p', {id: 'bulk-count'}), form);
}

export function show(value) {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function diffTable(outcome) {
  const rows = [];
  for (const entry of outcome.diff || []) {
    for (const change of entry.changes || []) {
      rows.push(h('tr', {}, h('td', {}, entry.number), h('td', {}, change.field),
        h('td', {class: 'before'}, show(change.before)), h('td', {class: 'after'}, show(change.after))));
    }
  }
  if (!rows.length) return h('p', {}, t('bulk.nothing'));
  return table([t('numbers.number'), t('bulk.field'), t('bulk.before'), t('bulk.after')], rows, t('bulk.diff'));
}
