// Who answers for the numbers and the lines brought from elsewhere: end users (documents only masked, as the API
// gives them), M2M devices, and third-party numbers with their registration health.
import {h, table, replace, formatTime, badge} from '../dom.js';
import {t} from '../i18n.js';
import {all} from '../api.js';

const HEALTHY = new Set(['registered']);

export async function render(root) {
  const users = h('section', {id: 'end-users'});
  const devices = h('section', {id: 'm2m-devices'});
  const lines = h('section', {id: 'third-party'});
  root.append(h('h1', {}, t('holders.title')), users, devices, lines);
  const [people, machines, numbers] = await Promise.all([all('/v1/end-users?limit=100').catch(() => []),
    all('/v1/m2m-devices?limit=100').catch(() => []), all('/v1/third-party-numbers?limit=100').catch(() => [])]);
  replace(users, h('h2', {}, t('holders.endUsers')), people.length
    ? table([t('holders.name'), t('holders.kind'), t('holders.document'), t('holders.documentStatus')], people.map((u) =>
      h('tr', {}, h('td', {class: 'name'}, u.full_name), h('td', {}, u.kind || ''),
        h('td', {}, `${u.document?.type || ''} ${u.document?.number_masked || ''}`),
        h('td', {}, u.document?.status ? badge(u.document.status, u.document.status === 'valid' ? 'ok' : 'warn') : ''))))
    : h('p', {class: 'muted'}, t('holders.none')));
  replace(devices, h('h2', {}, t('holders.devices')), machines.length
    ? table([t('holders.model'), t('holders.kind'), t('holders.serial'), t('holders.address')], machines.map((d) =>
      h('tr', {}, h('td', {class: 'name'}, d.model), h('td', {}, d.type), h('td', {}, d.serial_number || d.imei || ''),
        h('td', {}, d.installation_address))))
    : h('p', {class: 'muted'}, t('holders.none')));
  replace(lines, h('h2', {}, t('holders.lines')), numbers.length
    ? table([t('numbers.number'), t('holders.server'), t('holders.registration'), t('holders.until'), t('holders.lastReply')],
      numbers.map((n) => {
        const state = n.registration?.state || 'pending';
        return h('tr', {}, h('td', {}, n.number), h('td', {}, `${n.login}@${n.server}:${n.port}`),
          h('td', {}, badge(t(`registration.${state}`), HEALTHY.has(state) ? 'ok' : 'warn')),
          h('td', {}, formatTime(n.registration?.registered_until)),
          h('td', {}, [n.registration?.last_code, n.registration?.last_reason].filter(Boolean).join(' ')));
      }))
    : h('p', {class: 'muted'}, t('holders.none')));
}
