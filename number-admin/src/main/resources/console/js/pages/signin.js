// Sign-in in two steps: email and password, then the one-time code sent to the user's contact phone.
import {h, field, input, status} from '../dom.js';
import {t} from '../i18n.js';
import {post} from '../api.js';
import {showError, clearErrors} from '../errors.js';

export function render(root, params, app) {
  if (app.user) {
    app.go('#/numbers');
    return;
  }
  const email = input({type: 'email', name: 'email', autocomplete: 'username', required: true});
  const password = input({type: 'password', name: 'password', autocomplete: 'current-password', required: true});
  const progress = status();
  const form = h('form', {class: 'card narrow', id: 'signin-form', novalidate: true},
    field(t('signin.email'), email, 'email'),
    field(t('signin.password'), password, 'password'),
    h('button', {type: 'submit', class: 'primary'}, t('signin.next')),
    progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    progress.textContent = t('common.working');
    try {
      const challenge = await post('/v1/session', {email: email.value.trim(), password: password.value});
      progress.textContent = '';
      root.replaceChildren(h('h1', {}, t('signin.title')), codeForm(challenge, app));
      root.querySelector('input').focus();
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    }
  });
  root.append(h('h1', {}, t('signin.title')), form);
  email.focus();
}

function codeForm(challenge, app) {
  const code = input({name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}',
    maxlength: 6, required: true});
  const progress = status();
  const form = h('form', {class: 'card narrow', id: 'code-form', novalidate: true},
    h('p', {}, t('signin.codeSent', challenge.phone_hint || '')),
    field(t('signin.code'), code, 'code'),
    h('button', {type: 'submit', class: 'primary'}, t('signin.submit')),
    progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    progress.textContent = t('common.working');
    try {
      const session = await post('/v1/session/verify', {challenge_id: challenge.challenge_id, code: code.value.trim()});
      app.signedIn(session.user, session.csrf_token);
      const next = sessionStorage.getItem('vpbx.after-signin') || '#/numbers';
      sessionStorage.removeItem('vpbx.after-signin');
      app.go(next);
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    }
  });
  return form;
}
