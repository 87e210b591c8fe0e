// Account security: the account's users and invitations (owners and admins), and the login journal.
import {h, field, input, select, table, replace, status, formatTime, button} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, all} from '../api.js';
import {showError, clearErrors, describe} from '../errors.js';

const ROLES = ['owner', 'admin', 'editor', 'viewer'];

export async function render(root, params, app) {
  const users = h('section', {id: 'users'});
  const journal = h('section', {id: 'login-journal'});
  root.append(h('h1', {}, t('security.title')), users, journal);
  const manages = app.user && (app.user.role === 'owner' || app.user.role === 'admin');
  if (manages) await drawUsers(users);
  try {
    const page = await get('/v1/login-journal?limit=50');
    replace(journal, h('h2', {}, t('security.journal')), table([t('security.at'), t('security.email'), t('security.ip'),
      t('security.agent'), t('security.outcome')], (page.items || []).map((e) => h('tr', {},
      h('td', {}, formatTime(e.at)), h('td', {}, e.email || ''), h('td', {}, e.ip || e.source_ip || ''),
      h('td', {class: 'agent'}, e.user_agent || ''), h('td', {}, e.outcome || '')))));
  } catch (error) {
    replace(journal, h('h2', {}, t('security.journal')), h('p', {class: 'muted'}, error.status === 403
      ? t('security.ownersOnly') : error.message));
  }
}

/** Someone who lost the invitation link gets a new one (the old one stops working). */
function resend(user) {
  const b = button(t('security.resend'), async () => {
    try {
      await post(`/v1/users/${encodeURIComponent(user.id)}/invitation`);
      b.replaceWith(h('span', {role: 'status'}, t('security.invited')));
    } catch (error) {
      b.after(h('span', {class: 'error'}, describe(error)));
    }
  });
  return b;
}

async function drawUsers(section) {
  const people = await all('/v1/users?limit=100').catch(() => []);
  const email = input({type: 'email', name: 'email', required: true});
  const name = input({name: 'name'});
  const role = select('role', ROLES.map((r) => [r, t(`role.${r}`)]), 'editor');
  const phone = input({type: 'tel', name: 'contact_phone'});
  const progress = status();
  const form = h('form', {class: 'card', id: 'invite-form', novalidate: true}, h('h3', {}, t('security.invite')),
    field(t('security.email'), email, 'email'), field(t('invite.name'), name, 'name'), field(t('security.role'), role, 'role'),
    field(t('invite.phone'), phone, 'contact_phone', t('security.phoneHint')),
    h('button', {type: 'submit', class: 'primary'}, t('security.sendInvite')), progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const body = {email: email.value.trim(), role: role.value};
      if (name.value.trim()) body.name = name.value.trim();
      if (phone.value.trim()) body.contact_phone = phone.value.trim();
      await post('/v1/users', body);
      await drawUsers(section);
      section.querySelector('[role=status]').textContent = t('security.invited');
    } catch (error) {
      showError(form, error);
    }
  });
  replace(section, h('h2', {}, t('security.users')), table([t('security.email'), t('invite.name'), t('security.role'),
    t('security.state'), ''], people.map((u) => h('tr', {}, h('td', {}, u.email), h('td', {}, u.name || ''),
    h('td', {}, t(`role.${u.role}`)), h('td', {}, t(`userState.${u.state}`)),
    h('td', {}, u.state === 'invited' ? resend(u) : null)))), form);
}
