// Builds the DOM from values, never from HTML strings: every piece of text a user or the API gave goes
// through createTextNode or textContent, so "<script>" in a comment is shown, not run.

let ids = 0;

/** An element: h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'for') el.htmlFor = value;
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else if (key === 'data') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Empties an element and puts the children in. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A labelled control with its own error line. `name` is the API's field name (as problem+json names it), so
 * that an error comes back next to the control that caused it.
 */
export function field(label, control, name, hint) {
  control.id = control.id || uid('f');
  const error = h('p', {class: 'error', id: uid('e'), 'aria-live': 'polite'});
  control.setAttribute('aria-describedby', error.id);
  const wrapper = h('div', {class: 'field', data: {field: name || ''}},
    h('label', {for: control.id}, label), control, hint ? h('p', {class: 'hint'}, hint) : null, error);
  return wrapper;
}

export function input(props) {
  return h('input', {type: 'text', ...props});
}

export function select(name, options, value) {
  return h('select', {name}, options.map(([v, text]) => h('option', {value: v, selected: v === value}, text)));
}

export function button(text, onclick, props = {}) {
  return h('button', {type: 'button', onclick, ...props}, text);
}

export function table(headers, rows, caption) {
  return h('div', {class: 'table-wrap'}, h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((title) => h('th', {scope: 'col'}, title)))),
    h('tbody', {}, rows)));
}

export function badge(text, kind) {
  return h('span', {class: `badge badge-${kind || 'plain'}`}, text);
}

/** A line of status text read out by screen readers when it changes. */
export function status() {
  return h('p', {class: 'status', role: 'status', 'aria-live': 'polite'});
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(document.documentElement.lang);
}
