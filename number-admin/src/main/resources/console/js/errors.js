// Puts an API refusal where the user looks: next to the control named by problem+json's `field`, or at the
// top of the form when it names none (or names one this form does not show).
import {h, replace} from './dom.js';
import {t} from './i18n.js';

export function clearErrors(form) {
  form.querySelectorAll('.field .error').forEach((el) => { el.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const top = form.querySelector(':scope > .form-error');
  if (top) top.remove();
}

/** The wrapper whose data-field is the problem's field, or the nearest parent or child of it. */
function fieldFor(form, name) {
  if (!name) return null;
  let best = null;
  let bestLength = -1;
  for (const el of form.querySelectorAll('[data-field]')) {
    // a control may answer to several names, space-separated (the holder of a binding: end_user_id m2m_device_id)
    for (const own of el.dataset.field.split(' ').filter(Boolean)) {
      const matches = own === name || name.startsWith(`${own}.`) || name.startsWith(`${own}[`)
        || name.endsWith(`.${own}`) || own.startsWith(`${name}.`);
      if (matches && own.length > bestLength) {
        best = el;
        bestLength = own.length;
      }
    }
  }
  return best;
}

export function describe(error) {
  if (!error || !error.problem) return String(error && error.message ? error.message : error);
  const p = error.problem;
  if (error.status === 404) return t('error.notFound');
  if (error.status === 403) return `${t('error.forbidden')}${p.detail ? `: ${p.detail}` : ''}`;
  if (error.status === 429) {
    const wait = p.retry_after_seconds || error.retryAfter;
    return wait ? t('error.tooMany', wait) : (p.detail || p.title);
  }
  let text = p.detail || p.title || `HTTP ${error.status}`;
  if (Array.isArray(p.errors) && p.errors.length) text += `: ${p.errors.join('; ')}`;
  return text;
}

/** Shows the error in the form and returns the element that shows it. */
export function showError(form, error) {
  clearErrors(form);
  const name = error && error.problem ? error.problem.field : null;
  const wrapper = fieldFor(form, name);
  if (wrapper) {
    const line = wrapper.querySelector('.error');
    line.textContent = describe(error);
    const control = wrapper.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.focus();
    }
    return line;
  }
  const top = h('p', {class: 'form-error', role: 'alert'}, describe(error));
  form.prepend(top);
  return top;
}

/** A whole-page error (the number does not exist, the list could not load). */
export function pageError(root, error) {
  replace(root, h('div', {class: 'page-error', role: 'alert'}, h('h1', {}, describe(error))));
}
