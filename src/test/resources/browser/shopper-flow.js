// A shopper's visit to the seller's page, run inside the page by the engines that have no Selenium driver here
// (Firefox through WebDriver BiDi, WebKit through WebKitWebDriver): it uses only the DOM, as a person would through
// the widgets' shadow roots, typing with input events and clicking buttons. It returns what the shopper saw.
// (Chromium runs the same visit through real Selenium input events in EmbedInBrowserTest.)
async function shopperFlow() {
  const seen = {};
  const wait = async (what, probe, ms = 30000) => {
    const end = Date.now() + ms;
    for (;;) {
      let value;
      try { value = probe(); } catch (e) { value = undefined; }
      if (value) return value;
      if (Date.now() > end) throw new Error('Timed out waiting for ' + what + '; seen ' + JSON.stringify(seen));
      await new Promise(r => setTimeout(r, 50));
    }
  };
  const root = css => document.querySelector(css)?.shadowRoot;
  const text = (r, css) => (r?.querySelector(css)?.textContent || '').trim();
  const type = (el, value) => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  // The card: its price in the store's currency, a variant chosen by its option, added to the cart.
  const card = await wait('the card', () => root('#card shopgraph-product')?.querySelector('h2') && root('#card shopgraph-product'));
  seen.title = text(card, 'h2');
  seen.price = text(card, '.price');
  type(card.querySelector('select'), 'L');
  seen.priceOfL = await wait('the price of L', () => text(card, '.price') === '€22.00' && text(card, '.price'));
  card.querySelector('button.primary').click();
  const cart = root('#cart shopgraph-cart');
  await wait('one item in the cart', () => text(cart, '.count') === '1');

  // The drawer: a code, then the checkout with email, address and delivery, then the order.
  cart.querySelector('button').click();
  const drawer = await wait('the drawer', () => root('shopgraph-drawer')?.querySelector('li.line') && root('shopgraph-drawer'));
  await wait('the code field', () => drawer.querySelector('#sg-code'));
  seen.totalBeforeCode = text(drawer, 'dd.total');
  type(drawer.querySelector('#sg-code'), 'spring10');
  drawer.querySelector("[data-key='apply']").click();
  seen.totalWithCode = await wait('the code applied', () => text(drawer, 'dd.total') !== seen.totalBeforeCode && text(drawer, 'dd.total'));
  (await wait('the checkout button', () => drawer.querySelector("[data-key='checkout']"))).click();
  await wait('the contact form', () => drawer.querySelector('#sg-email'));
  for (const [id, value] of [['email', 'grace@example.com'], ['firstName', 'Grace'], ['lastName', 'Hopper'],
    ['address1', '1 rue de Rivoli'], ['city', 'Paris'], ['zip', '75001']]) {
    type(drawer.querySelector('#sg-' + id), value);
  }
  seen.country = drawer.querySelector('#sg-countryCode').value;
  drawer.querySelector("[data-key='continue']").click();
  (await wait('a delivery option', () => drawer.querySelector("input[name='delivery']"))).click();
  seen.deliveryLabel = (drawer.querySelector('fieldset label.choice')?.textContent || '').trim();
  seen.totalWithDelivery = await wait('the delivery priced', () => text(drawer, 'dd.total') !== seen.totalWithCode && text(drawer, 'dd.total'));
  const place = drawer.querySelector("[data-key='place']");
  await wait('the place button enabled', () => !place.disabled);
  place.click();
  const confirmation = await wait('the confirmation', () => drawer.querySelector('p[data-order]'));
  seen.order = confirmation.getAttribute('data-order');
  seen.confirmation = confirmation.textContent.trim();
  seen.instructions = (drawer.querySelector('.body')?.textContent || '').includes('quoting order ' + seen.order);
  seen.userAgent = navigator.userAgent;
  return seen;
}
