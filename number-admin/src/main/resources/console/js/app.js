// The console's shell: who is signed in, the navigation, the language switch, and the hash router that
// draws one page at a time into <main>. Pages are plain modules with a render(root, params, app) function.
import {h, replace, button} from './dom.js';
import {t, language, setLanguage, LANGUAGES} from './i18n.js';
import {get, del, setCsrfToken, onSignedOut} from './api.js';
import {pageError} from './errors.js';
import * as signin from './pages/signin.js';
import * as numbers from './pages/numbers.js';
import * as buy from './pages/buy.js';
import * as number from './pages/number.js';
import * as media from './pages/media.js';
import * as calls from './pages/calls.js';
import * as audit from './pages/audit.js';
import * as staff from './pages/staff.js';
import * as security from './pages/security.js';
import * as invitation from './pages/invitation.js';
import * as holders from './pages/holders.js';

const NAV = [
  ['#/numbers', 'nav.numbers'], ['#/buy', 'nav.buy'], ['#/media', 'nav.media'], ['#/calls', 'nav.calls'],
  ['#/staff', 'nav.staff'], ['#/holders', 'nav.holders'], ['#/audit', 'nav.audit'], ['#/security', 'nav.security'],
];

const ROUTES = [
  [/^#\/signin$/, signin, false],
  [/^#\/accept\/([^/]+)$/, invitation, false],
  [/^#\/numbers$/, numbers, true],
  [/^#\/numbers\/([^/]+)$/, number, true],
  [/^#\/buy$/, buy, true],
  [/^#\/media$/, media, true],
  [/^#\/calls$/, calls, true],
  [/^#\/audit$/, audit, true],
  [/^#\/staff$/, staff, true],
  [/^#\/holders$/, holders, true],
  [/^#\/security$/, security, true],
];

const app = {
  user: null,
  signedIn(user, csrfToken) {
    app.user = user;
    setCsrfToken(csrfToken);
    drawHeader();
  },
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
};

async function signOut() {
  try {
    await del('/v1/session');
  } catch {
    // already gone: signing out is what the user wanted
  }
  app.user = null;
  setCsrfToken(null);
  drawHeader();
  app.go('#/signin');
}

function drawHeader() {
  const top = document.getElementById('top');
  const other = LANGUAGES.find((code) => code !== language());
  const switcher = button(t('lang.switch'), () => {
    setLanguage(other);
    drawHeader();
    route();
  }, {lang: other, class: 'link', 'aria-label': t('lang.switchLabel')});
  if (!app.user) {
    replace(top, h('div', {class: 'bar'}, h('span', {class: 'brand'}, 'vpbx'), switcher));
    return;
  }
  const current = location.hash.split('/').slice(0, 2).join('/');
  const links = NAV.map(([href, key]) => h('li', {}, h('a', {href, 'aria-current': href === current ? 'page' : null}, t(key))));
  replace(top, h('div', {class: 'bar'},
    h('span', {class: 'brand'}, 'vpbx'),
    h('nav', {'aria-label': t('nav.label')}, h('ul', {}, links)),
    h('span', {class: 'who'}, h('span', {class: 'user-name'}, app.user.name || app.user.email),
      ' ', h('span', {class: 'badge'}, t(`role.${app.user.role}`))),
    switcher,
    button(t('nav.signOut'), signOut, {id: 'sign-out'})));
}

async function route() {
  const main = document.getElementById('main');
  const hash = location.hash || '#/numbers';
  const found = ROUTES.find(([pattern]) => pattern.test(hash));
  if (!found) {
    app.go('#/numbers');
    return;
  }
  const [pattern, page, needsUser] = found;
  if (needsUser && !app.user) {
    sessionStorage.setItem('vpbx.after-signin', hash);
    app.go('#/signin');
    return;
  }
  drawHeader();
  const params = pattern.exec(hash).slice(1).map(decodeURIComponent);
  replace(main);
  if (app.user && app.user.role === 'viewer') {
    // the forms stay: the server decides what a role may do, and its refusal is shown where the change was tried
    main.append(h('p', {class: 'notice', role: 'note'}, t('role.viewerNotice')));
  }
  try {
    await page.render(main, params, app);
  } catch (error) {
    pageError(main, error);
  }
  const heading = main.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} · vpbx`;
  }
  // a keyboard user lands at the new page's start, not where the old page's link was
  if (document.activeElement === document.body || !main.contains(document.activeElement)) main.focus();
}

async function start() {
  document.documentElement.lang = language();
  onSignedOut(() => {
    if (app.user) {
      app.user = null;
      app.go('#/signin');
    }
  });
  try {
    const session = await get('/v1/session');
    app.signedIn(session.user, session.csrf_token);
  } catch {
    app.user = null;
  }
  window.addEventListener('hashchange', route);
  drawHeader();
  await route();
}

start();
