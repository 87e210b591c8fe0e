// Accepting an invitation: the link from the invitation e-mail opens here; the new user chooses a password.
import {h, field, input, status} from '../dom.js';
import {t} from '../i18n.js';
import {post} from '../api.js';
import {showError, clearErrors} from '../errors.js';

export function render(root, [token], app) {
  const name = input({name: 'name', autocomplete: 'name'});
  const password = input({type: 'password', name: 'password', autocomplete: 'new-password', required: true});
  const phone = input({type: 'tel', name: 'contact_phone', autocomplete: 'tel'});
  const progress = status();
  const form = h('form', {class: 'card narrow', novalidate: true},
    field(t('invite.name'), name, 'name'),
    field(t('signin.password'), password, 'password', t('invite.passwordHint')),
    field(t('invite.phone'), phone, 'contact_phone', t('invite.phoneHint')),
    h('button', {type: 'submit', class: 'primary'}, t('invite.accept')),
    progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    progress.textContent = t('common.working');
    try {
      const body = {password: password.value};
      if (name.value.trim()) body.name = name.value.trim();
      if (phone.value.trim()) body.contact_phone = phone.value.trim();
      await post(`/v1/invitations/${encodeURIComponent(token)}/accept`, body);
      progress.textContent = t('invite.done');
      app.go('#/signin');
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    }
  });
  root.append(h('h1', {}, t('invite.title')), form);
}
