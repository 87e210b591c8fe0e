// The console's only way to the server: the same /v1 API that scripts use, with the session cookie the
// browser keeps (HttpOnly: this code never sees it) and the CSRF token the sign-in answer gave, sent on
// every change.

let csrfToken = null;
const listeners = new Set();

/** An answer that was not 2xx, with its problem+json (status, title, detail, field, errors). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter ? Number(retryAfter) : null;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Called with no arguments when the server says the session is gone (401), so the shell can ask to sign in. */
export function onSignedOut(listener) {
  listeners.add(listener);
}

function headersFor(method, json) {
  const headers = {Accept: 'application/json'};
  if (json) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // fall through to a plain problem
    }
  }
  return {status: response.status, title: response.statusText};
}

export async function request(method, path, body, extraHeaders = {}) {
  const json = body !== undefined && !(body instanceof FormData);
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {...headersFor(method, json), ...extraHeaders},
    body: body === undefined ? undefined : (json ? JSON.stringify(body) : body),
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && !path.startsWith('/v1/session')) listeners.forEach((listener) => listener());
    throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path) => request('GET', path);
export const post = (path, body, headers) => request('POST', path, body, headers);
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);

/** A query string from the non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') search.set(key, String(value).trim());
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment for a phone number: "+" kept readable, everything else encoded. */
export function numberPath(number) {
  return `/v1/numbers/${encodeURIComponent(number)}`;
}

/** An upload with progress (fetch has none for request bodies): onProgress gets 0..1. */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        body = {status: xhr.status, title: xhr.statusText};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, {title: 'network error'})));
    xhr.send(form);
  });
}

/** Every page of a listing, up to `max` items. */
export async function all(path, max = 500) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...(page.items || []));
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}
