// The audit log: who changed what and when, with each field's before and after.
import {h, field, input, table, replace, formatTime, button} from '../dom.js';
import {t} from '../i18n.js';
import {get, query} from '../api.js';
import {showError, clearErrors} from '../errors.js';
import {show} from './numbers.js';

export async function render(root) {
  const f = {
    resource_type: input({name: 'resource_type', placeholder: 'number'}),
    resource_id: input({name: 'resource_id'}),
    action: input({name: 'action', placeholder: 'number.updated'}),
    actor: input({name: 'actor'}),
  };
  const form = h('form', {class: 'filters', role: 'search', novalidate: true},
    field(t('audit.resourceType'), f.resource_type, 'resource_type'), field(t('audit.resourceId'), f.resource_id, 'resource_id'),
    field(t('audit.action'), f.action, 'action'), field(t('audit.actor'), f.actor, 'actor'),
    h('button', {type: 'submit'}, t('common.search')));
  const list = h('div', {id: 'audit-list'});
  let cursor = null;
  let shown = [];
  const row = (e) => h('tr', {}, h('td', {}, formatTime(e.at)), h('td', {}, e.actor || ''), h('td', {class: 'action'}, e.action),
    h('td', {}, `${e.resource_type || ''} ${e.resource_id || ''}`),
    h('td', {}, h('ul', {class: 'changes'}, (e.changes || []).map((c) =>
      h('li', {}, `${c.field}: ${show(c.before)} → ${show(c.after)}`)))));
  const load = async (more) => {
    const values = Object.fromEntries(Object.entries(f).map(([k, el]) => [k, el.value]));
    const page = await get(`/v1/audit-events${query({...values, limit: 50, cursor: more ? cursor : null})}`);
    shown = more ? shown.concat(page.items) : page.items;
    cursor = page.next_cursor;
    replace(list, shown.length ? table([t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.resource'),
      t('audit.changes')], shown.map(row), t('audit.title')) : h('p', {class: 'muted'}, t('audit.none')),
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
  root.append(h('h1', {}, t('audit.title')), form, list);
  await load(false);
}
