// Editors and one-line summaries for a number's forwarding and fallback, shared by the number page and the
// bulk change. They only shape the JSON the API takes; the API checks it and names the field it refuses.
import {h, field, input, select} from './dom.js';
import {t} from './i18n.js';

export const TARGET_TYPES = ['employee', 'department', 'scenario', 'platform_pbx', 'external_pbx', 'external_number'];
export const FALLBACK_TYPES = ['hang_up', 'voice_message', 'voicemail'];

const byId = (list, id) => (list || []).find((item) => item.id === id);

export function forwardingSummary(forwarding, refs = {}) {
  if (!forwarding || !forwarding.target) return t('forwarding.none');
  const target = forwarding.target;
  const kind = t(`target.${target.type}`);
  switch (target.type) {
    case 'employee': {
      const employee = byId(refs.employees, target.employee_id);
      return `${kind}: ${employee ? employee.name : target.employee_id}`;
    }
    case 'department': {
      const department = byId(refs.departments, target.department_id);
      return `${kind}: ${department ? department.name : target.department_id}`;
    }
    case 'scenario': {
      const scenario = byId(refs.scenarios, target.scenario_id);
      return `${kind}: ${scenario ? scenario.name : target.scenario_id}`;
    }
    case 'external_pbx':
      return `${kind}: ${(target.uris || []).join(' → ')}`;
    default:
      return `${kind}: ${target.number || ''}`;
  }
}

export function fallbackSummary(fallback, refs = {}) {
  if (!fallback) return t('fallback.none');
  const kind = t(`fallback.${fallback.type}`);
  if (fallback.type === 'hang_up') return `${kind} ${fallback.sip_code || ''}`.trim();
  if (fallback.type === 'voice_message') {
    const clip = byId(refs.media, fallback.media_id);
    return `${kind}: ${clip ? clip.name : fallback.media_id}`;
  }
  return `${kind} (${(fallback.recipients || []).length})`;
}

function options(list, label) {
  return [['', t('common.choose')], ...(list || []).map((item) => [item.id, label(item)])];
}

/** The forwarding editor: a target of any type, its failover list for an external PBX, and the ring time. */
export function forwardingEditor(refs, initial) {
  const target = (initial && initial.target) || {type: 'employee'};
  const type = select('type', TARGET_TYPES.map((v) => [v, t(`target.${v}`)]), target.type);
  const employee = select('employee_id', options(refs.employees, (e) => `${e.name} (${e.extension})`), target.employee_id || '');
  const department = select('department_id', options(refs.departments, (d) => d.name), target.department_id || '');
  const scenario = select('scenario_id', options(refs.scenarios, (s) => s.name), target.scenario_id || '');
  const number = input({name: 'number', inputmode: 'tel', value: target.number || ''});
  const uris = h('textarea', {name: 'uris', rows: 3, value: (target.uris || []).join('\n')});
  const ring = input({type: 'number', name: 'ring_timeout', min: 5, max: 300,
    value: String((initial && initial.ring_timeout) || 30)});
  const parts = {
    employee: field(t('target.employee'), employee, 'forwarding.target.employee_id'),
    department: field(t('target.department'), department, 'forwarding.target.department_id'),
    scenario: field(t('target.scenario'), scenario, 'forwarding.target.scenario_id'),
    number: field(t('forwarding.number'), number, 'forwarding.target.number', t('forwarding.numberHint')),
    uris: field(t('forwarding.uris'), uris, 'forwarding.target.uris', t('forwarding.urisHint')),
  };
  const wanted = {employee: ['employee'], department: ['department'], scenario: ['scenario'],
    platform_pbx: ['number'], external_number: ['number'], external_pbx: ['uris']};
  const show = () => {
    for (const [key, part] of Object.entries(parts)) part.hidden = !wanted[type.value].includes(key);
  };
  type.addEventListener('change', show);
  show();
  const element = h('fieldset', {class: 'editor'}, h('legend', {}, t('forwarding.title')),
    field(t('forwarding.type'), type, 'forwarding.target.type'), Object.values(parts),
    field(t('forwarding.ring'), ring, 'forwarding.ring_timeout'));
  const value = () => {
    const chosen = {type: type.value};
    if (type.value === 'employee') chosen.employee_id = employee.value;
    if (type.value === 'department') chosen.department_id = department.value;
    if (type.value === 'scenario') chosen.scenario_id = scenario.value;
    if (type.value === 'platform_pbx' || type.value === 'external_number') chosen.number = number.value.trim();
    if (type.value === 'external_pbx') chosen.uris = uris.value.split('\n').map((s) => s.trim()).filter(Boolean);
    const result = {target: chosen, ring_timeout: Number(ring.value)};
    if (initial && initial.schedule) result.schedule = initial.schedule;
    return result;
  };
  return {element, value};
}

/** The fallback editor: hang up with a code, a voice message from the media library (with a preview), or voicemail. */
export function fallbackEditor(refs, initial) {
  const start = initial || {type: 'hang_up', sip_code: 480};
  const type = select('type', FALLBACK_TYPES.map((v) => [v, t(`fallback.${v}`)]), start.type);
  const code = input({type: 'number', name: 'sip_code', min: 400, max: 699, value: String(start.sip_code || 480)});
  const clip = select('media_id', options(refs.media, (m) => m.name), start.media_id || '');
  const preview = h('audio', {controls: true, preload: 'none', class: 'preview'});
  const previewOf = () => {
    if (clip.value) preview.src = `/v1/media/${encodeURIComponent(clip.value)}/audio`;
    else preview.removeAttribute('src');
    preview.hidden = !clip.value;
  };
  clip.addEventListener('change', previewOf);
  previewOf();
  const recipientsStart = start.recipients || [];
  const emails = h('textarea', {name: 'recipients', rows: 2,
    value: recipientsStart.filter((r) => typeof r === 'string').join('\n')});
  const chosenEmployees = new Set(recipientsStart.filter((r) => typeof r === 'object').map((r) => r.employee_id));
  const boxes = (refs.employees || []).map((e) => {
    const box = h('input', {type: 'checkbox', value: e.id, checked: chosenEmployees.has(e.id), id: `rcpt-${e.id}`});
    return h('div', {class: 'check'}, box, h('label', {for: box.id}, e.name));
  });
  const greeting = select('greeting_media_id', options(refs.media, (m) => m.name), start.greeting_media_id || '');
  const parts = {
    hang_up: [field(t('fallback.code'), code, 'fallback.sip_code')],
    voice_message: [field(t('fallback.media'), clip, 'fallback.media_id'), preview],
    voicemail: [field(t('fallback.emails'), emails, 'fallback.recipients', t('fallback.emailsHint')),
      h('fieldset', {class: 'checks'}, h('legend', {}, t('fallback.employees')), boxes),
      field(t('fallback.greeting'), greeting, 'fallback.greeting_media_id')],
  };
  const groups = Object.fromEntries(Object.entries(parts).map(([key, list]) => [key, h('div', {}, list)]));
  const show = () => {
    for (const [key, group] of Object.entries(groups)) group.hidden = key !== type.value;
  };
  type.addEventListener('change', show);
  show();
  const element = h('fieldset', {class: 'editor'}, h('legend', {}, t('fallback.title')),
    field(t('fallback.type'), type, 'fallback.type'), Object.values(groups));
  const value = () => {
    if (type.value === 'hang_up') return {type: 'hang_up', sip_code: Number(code.value)};
    if (type.value === 'voice_message') return {type: 'voice_message', media_id: clip.value};
    const recipients = emails.value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    element.querySelectorAll('.checks input:checked').forEach((box) => recipients.push({employee_id: box.value}));
    const result = {type: 'voicemail', recipients};
    if (greeting.value) result.greeting_media_id = greeting.value;
    return result;
  };
  return {element, value};
}

/** What the editors need to offer: the account's employees, departments, scenarios and clips. */
export async function loadRefs(all) {
  const safe = (path) => all(path).catch(() => []);
  const [employees, departments, scenarios, media] = await Promise.all([
    safe('/v1/employees?limit=100'), safe('/v1/departments?limit=100'), safe('/v1/scenarios?limit=100'),
    safe('/v1/media?limit=100')]);
  return {employees, departments, scenarios, media};
}
