// Buying numbers: search the catalog, see each number's category with the reasons and fees, reserve the
// chosen ones (the reservation counts down to its expiry), then buy them.
import {h, field, input, select, button, table, status, replace} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, del, query} from '../api.js';
import {showError, clearErrors, describe} from '../errors.js';
import {categoryBadge, CATEGORIES} from './numbers.js';

export async function render(root, params, app) {
  const f = {
    country: select('country', [['RU', t('country.RU')], ['CN', t('country.CN')]], 'RU'),
    type: select('type', [['', t('common.any')], ['city', t('type.city')], ['mobile', t('type.mobile')],
      ['toll_free', t('type.toll_free')]], ''),
    region: input({name: 'region', inputmode: 'numeric'}),
    category: select('category', [['', t('common.any')], ...CATEGORIES.map((c) => [c, t(`category.${c}`)])], ''),
    mask: input({name: 'mask', placeholder: '495***7777'}),
    min_monthly_fee: input({type: 'number', name: 'min_monthly_fee', min: 0}),
    max_monthly_fee: input({type: 'number', name: 'max_monthly_fee', min: 0}),
  };
  const form = h('form', {class: 'filters', role: 'search', novalidate: true},
    field(t('buy.country'), f.country, 'country'), field(t('numbers.type'), f.type, 'type'),
    field(t('buy.region'), f.region, 'region'), field(t('numbers.category'), f.category, 'category'),
    field(t('buy.mask'), f.mask, 'mask', t('buy.maskHint')),
    field(t('buy.minFee'), f.min_monthly_fee, 'min_monthly_fee'), field(t('buy.maxFee'), f.max_monthly_fee, 'max_monthly_fee'),
    h('button', {type: 'submit', class: 'primary'}, t('common.search')));
  const results = h('div', {id: 'catalog-results'});
  const reservation = h('section', {id: 'reservation', 'aria-live': 'polite'});
  const chosen = new Set();

  const reserveButton = button(t('buy.reserve'), async () => {
    clearErrors(form);
    try {
      const reserved = await post('/v1/reservations', {numbers: [...chosen]});
      chosen.clear();
      showReservation(reservation, reserved, app);
    } catch (error) {
      showError(form, error);
    }
  }, {class: 'primary', id: 'reserve', disabled: true});

  const row = (n) => {
    const box = h('input', {type: 'checkbox', 'aria-label': t('buy.choose', n.number), value: n.number, class: 'pick'});
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(n.number);
      else chosen.delete(n.number);
      reserveButton.disabled = chosen.size === 0;
    });
    const price = n.price || {};
    return h('tr', {data: {number: n.number}}, h('td', {}, box), h('td', {}, n.international || n.number),
      h('td', {}, categoryBadge(n.category)),
      h('td', {}, h('ul', {class: 'reasons'}, (n.category_reasons || []).map((reason) => h('li', {}, reason)))),
      h('td', {class: 'money'}, `${price.monthly_fee || ''} ${price.currency || ''}`),
      h('td', {class: 'money'}, `${price.connection_fee || ''} ${price.currency || ''}`));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    chosen.clear();
    reserveButton.disabled = true;
    const values = Object.fromEntries(Object.entries(f).map(([k, el]) => [k, el.value]));
    try {
      const page = await get(`/v1/catalog/numbers${query({...values, limit: 50})}`);
      replace(results, page.items.length
        ? [table(['', t('numbers.number'), t('numbers.category'), t('buy.reasons'), t('buy.monthly'), t('buy.connection')],
          page.items.map(row), t('buy.results')), reserveButton]
        : h('p', {}, t('buy.noneFound')));
    } catch (error) {
      showError(form, error);
    }
  });
  root.append(h('h1', {}, t('buy.title')), form, reservation, results);
}

function showReservation(section, reserved, app) {
  const clock = h('strong', {class: 'countdown', role: 'timer'});
  const progress = status();
  // counted from the server's own times, so a browser whose clock is off still shows the right time left
  const ttl = new Date(reserved.expires_at).getTime() - new Date(reserved.created_at).getTime();
  const expires = Date.now() + (Number.isFinite(ttl) ? ttl : 0);
  let timer = null;
  const tick = () => {
    const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
    clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) {
      clearInterval(timer);
      buyButton.disabled = true;
      progress.textContent = t('buy.expired');
    }
    if (!section.isConnected) clearInterval(timer);
  };
  // one key per reservation: pressing Buy twice (or a retry after a lost answer) buys once
  const idempotencyKey = crypto.randomUUID ? crypto.randomUUID() : `${reserved.id}-${Date.now()}`;
  const buyButton = button(t('buy.buy'), async () => {
    buyButton.disabled = true;
    progress.textContent = t('common.working');
    try {
      const bought = await post('/v1/numbers', {reservation_id: reserved.id}, {'Idempotency-Key': idempotencyKey});
      clearInterval(timer);
      const items = bought.items || bought.numbers || [];
      replace(section, h('h2', {}, t('buy.bought')), h('ul', {}, items.map((n) =>
        h('li', {}, h('a', {href: `#/numbers/${encodeURIComponent(n.number)}`}, n.international || n.number)))));
      section.querySelector('a')?.focus();
    } catch (error) {
      buyButton.disabled = false;
      progress.textContent = describe(error);
    }
  }, {class: 'primary', id: 'buy'});
  const release = button(t('buy.release'), async () => {
    try {
      await del(`/v1/reservations/${encodeURIComponent(reserved.id)}`);
      clearInterval(timer);
      replace(section);
    } catch (error) {
      progress.textContent = describe(error);
    }
  });
  replace(section, h('h2', {}, t('buy.reserved')),
    h('ul', {}, reserved.numbers.map((n) => h('li', {}, `${n.international || n.number} · `, categoryBadge(n.category)))),
    h('p', {}, t('buy.expiresIn'), ' ', clock), h('div', {class: 'row'}, buyButton, release), progress);
  tick();
  timer = setInterval(tick, 1000);
  buyButton.focus();
}
