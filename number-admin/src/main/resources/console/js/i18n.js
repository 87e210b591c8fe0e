// Russian and English. The browser's language chooses first; the switch in the header overrides it and is
// remembered in localStorage. t('key', a, b) fills {0}, {1}; a key missing in Russian falls back to English.
import {en} from './i18n-en.js';
import {ru} from './i18n-ru.js';

export const LANGUAGES = ['en', 'ru'];
const DICTIONARIES = {en, ru};
const STORAGE_KEY = 'vpbx.lang';

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current = (() => {
  const chosen = stored();
  if (LANGUAGES.includes(chosen)) return chosen;
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
})();

export function language() {
  return current;
}

export function setLanguage(code) {
  if (!LANGUAGES.includes(code)) return;
  current = code;
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // private windows may refuse storage: the choice then lasts for this page
  }
}

export function t(key, ...args) {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => (args[i] === undefined ? '' : String(args[i])));
}
