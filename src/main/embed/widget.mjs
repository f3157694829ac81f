// ShopGraph embed: the Web Components (product card, collection grid, buy button, cart icon, cart drawer with
// checkout) and boot(), which the loader calls with its <script> element. Everything renders in Shadow DOM: the
// host page's CSS cannot reach in (`:host { all: initial !important }` also stops inherited properties, and
// !important inside a shadow tree wins over the page's), and ours cannot leak out. Theming goes through CSS custom
// properties (--sg-accent, --sg-font, ...), which do cross the boundary, and a few data- options on the script.
import { createClient, ApiError } from './client.mjs';
import { money, friendly, debounce } from './format.mjs';

const STYLES = `:host{all:initial!important;display:block!important;box-sizing:border-box!important;visibility:visible!important;
font-family:var(--sg-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif)!important;font-size:var(--sg-font-size,16px)!important;
line-height:1.45!important;color:var(--sg-text,#1a1a1a)!important;text-align:start!important;direction:inherit}
:host(shopgraph-cart){display:inline-block!important;vertical-align:top!important}
:host([hidden]){display:none!important}
*,*::before,*::after{box-sizing:border-box}
.card{border:1px solid var(--sg-border,#d4d4d4);border-radius:var(--sg-radius,8px);padding:16px;background:var(--sg-background,#fff);max-width:var(--sg-card-width,360px)}
:host([compact]) .card{max-width:none;height:100%}
.media{display:block;width:100%;aspect-ratio:1;object-fit:cover;border-radius:calc(var(--sg-radius,8px) - 2px);background:#f1f1f1}
h2,h3{margin:10px 0 4px;font-size:1.1em;font-weight:600;line-height:1.3}
p{margin:0}
.price{margin:0 0 6px;font-weight:600}
.muted{color:var(--sg-muted,#555)}
label{display:block;font-size:.85em;margin:8px 0 3px;color:var(--sg-muted,#555)}
select,input{font:inherit;width:100%;padding:8px;border:1px solid var(--sg-input-border,#8a8a8a);border-radius:6px;background:#fff;color:inherit;margin:0}
button{font:inherit;line-height:1.2;cursor:pointer;border-radius:var(--sg-radius,8px);border:1px solid var(--sg-accent,#1a1a1a);padding:10px 14px;
background:#fff;color:var(--sg-accent,#1a1a1a);margin:0}
.primary{background:var(--sg-accent,#1a1a1a);color:var(--sg-accent-text,#fff);width:100%;margin-top:12px}
button:disabled{opacity:.55;cursor:not-allowed}
:focus-visible{outline:3px solid var(--sg-focus,#2563eb);outline-offset:2px}
.status{min-height:1.45em;margin-top:6px;font-size:.9em}
.error{color:var(--sg-error,#b00020)}
.grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(var(--sg-tile-width,220px),1fr));gap:16px}
.more{margin-top:16px}
.icon{display:inline-flex;align-items:center;gap:6px}
.count{display:inline-block;min-width:1.5em;padding:0 6px;border-radius:999px;background:var(--sg-accent,#1a1a1a);color:var(--sg-accent-text,#fff);
font-size:.8em;text-align:center}
dialog{margin:0 0 0 auto;height:100%;max-height:100%;width:min(440px,100%);max-width:100%;border:0;padding:0;background:var(--sg-background,#fff);
color:inherit;font:inherit}
dialog::backdrop{background:rgba(0,0,0,.45)}
.drawer{display:flex;flex-direction:column;height:100%}
.head{display:flex;justify-content:space-between;align-items:center;padding:14px 18px;border-bottom:1px solid var(--sg-border,#d4d4d4)}
.head h2{margin:0}
.body{flex:1;overflow:auto;padding:12px 18px}
.foot{padding:14px 18px;border-top:1px solid var(--sg-border,#d4d4d4)}
.lines{list-style:none;margin:0;padding:0}
.line{display:grid;grid-template-columns:64px 1fr auto;gap:12px;padding:12px 0;border-bottom:1px solid #eee}
.line .media{width:64px}
.qty{display:flex;align-items:center;gap:6px;margin-top:6px}
.qty input{width:64px;text-align:center}
.qty button,.link{padding:4px 10px}
.link{border:0;text-decoration:underline;background:none;color:var(--sg-muted,#555)}
.row{display:flex;gap:8px;align-items:flex-end}
.row>*{flex:1}
.row button{flex:0 0 auto}
dl{display:grid;grid-template-columns:1fr auto;gap:4px 12px;margin:8px 0 0}
dt,dd{margin:0}
.total{font-weight:700;font-size:1.1em}
fieldset{border:0;padding:0;margin:10px 0}
legend{font-weight:600;padding:0}
.choice{display:flex;gap:8px;align-items:center;margin:6px 0;font-size:1em;color:inherit}
.choice input{width:auto}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

let shop = null;

/** A small element builder: h('button', { class: 'x', onclick }, 'text', child). */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key in el && key !== 'list' && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  return el;
}

function image(img, alt) {
  return img ? h('img', { class: 'media', src: img.url, alt: img.altText || alt, loading: 'lazy', width: img.width, height: img.height })
    : h('div', { class: 'media', role: 'img', 'aria-label': alt });
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  const x = [...b].map(v => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const SESSION_IDLE_MS = 25 * 60 * 1000; // the API ends a session after 30 idle minutes

/** The shopper's state on this page: the client, the cart, the session; elements listen to its 'cart' event. */
class Shop extends EventTarget {
  constructor(options) {
    super();
    Object.assign(this, options);
    this.client = createClient({ endpoint: options.endpoint, token: options.token });
    this.key = `shopgraph:${options.token}`;
    this.cart = null;
  }

  load(name) { try { return JSON.parse(localStorage.getItem(`${this.key}:${name}`)); } catch (e) { return null; } }
  save(name, value) {
    try { value == null ? localStorage.removeItem(`${this.key}:${name}`) : localStorage.setItem(`${this.key}:${name}`, JSON.stringify(value)); } catch (e) { /* storage off */ }
  }

  async start() {
    this.shopInfo = await this.client.shop().catch(() => null);
    if (this.consent) await this.startSession();
    const id = this.load('cart');
    if (id) {
      try { this.setCart(await this.client.cart(id)); } catch (e) { /* shown on the next action */ }
    }
  }

  /** Consent given (data-consent, or window.ShopGraph.consent(true) later): a session with where the shopper came from. */
  async startSession() {
    const saved = this.load('session');
    if (saved && Date.now() - saved.at < SESSION_IDLE_MS) {
      this.client.setSessionToken(saved.token);
      this.save('session', { token: saved.token, at: Date.now() });
      return;
    }
    const params = new URL(location.href).searchParams;
    const utm = {};
    for (const k of ['source', 'medium', 'campaign', 'term', 'content']) if (params.get(`utm_${k}`)) utm[k] = params.get(`utm_${k}`).slice(0, 128);
    const width = window.innerWidth;
    try {
      const started = await this.client.sessionStart({ landingUrl: location.href.slice(0, 2000), referrer: document.referrer || null,
        utm, locale: this.apiLocale || null, device: { type: width < 768 ? 'MOBILE' : width < 1100 ? 'TABLET' : 'DESKTOP' } });
      if (started.sessionToken) {
        this.client.setSessionToken(started.sessionToken);
        this.save('session', { token: started.sessionToken, at: Date.now() });
      }
    } catch (e) { /* analytics only: the shop works without a session */ }
  }

  setConsent(granted) {
    this.consent = !!granted;
    if (granted) this.startSession();
    else { this.client.setSessionToken(null); this.save('session', null); }
  }

  record(type, subjectId) {
    if (!this.consent) return;
    const saved = this.load('session');
    if (saved) this.save('session', { token: saved.token, at: Date.now() });
    this.client.recordEvent(type, subjectId).catch(() => {});
  }

  setCart(cart) {
    this.cart = cart;
    this.save('cart', cart ? cart.id : null);
    this.dispatchEvent(new Event('cart'));
  }

  /** Runs a cart mutation; answers the list of friendly messages (empty when it worked). */
  async mutate(run) {
    try {
      const payload = await run();
      if (payload.userErrors.length) {
        if (payload.userErrors.some(e => e.code === 'CART_NOT_FOUND')) this.setCart(null);
        return payload.userErrors.map(e => friendly(e.code, e.message));
      }
      this.setCart(payload.cart);
      return [];
    } catch (e) {
      return [friendly(e.code, e instanceof ApiError ? null : e.message)];
    }
  }

  async add(lines) {
    if (this.cart) {
      const errors = await this.mutate(() => this.client.linesAdd(this.cart.id, lines));
      if (!errors.length || this.cart) return errors;
      // The cart expired meanwhile: start a new one with these lines.
    }
    const errors = await this.mutate(() => this.client.cartCreate(lines));
    if (!errors.length && this.openCartOnAdd) this.dispatchEvent(new Event('open'));
    return errors;
  }

  update(lines) { return this.mutate(() => this.client.linesUpdate(this.cart.id, lines)); }
  remove(ids) { return this.mutate(() => this.client.linesRemove(this.cart.id, ids)); }
}

/** The base of every element: an open shadow root with the stylesheet, the data- theme and a render(). */
class ShopElement extends HTMLElement {
  connectedCallback() {
    if (this.root) return;
    this.root = this.attachShadow({ mode: 'open' });
    for (const [name, value] of Object.entries(shop.theme)) this.style.setProperty(name, value);
    const style = h('style', null, STYLES);
    this.body = h('div', { part: 'body' });
    this.root.append(style, this.body);
    this.start();
  }

  /** Replaces the content, keeping keyboard focus on the element with the same data-key. */
  render(...nodes) {
    const active = this.root.activeElement;
    const key = active && active.dataset.key;
    this.body.replaceChildren(...nodes);
    if (key) {
      const again = this.root.querySelector(`[data-key="${key}"]`);
      if (again) again.focus();
    }
  }
}

function errorText(e) { return friendly(e.code, e instanceof ApiError ? null : e.message); }

function attributeInputs(declarations, values, prefix, onchange) {
  return declarations.map(d => {
    const id = `${prefix}-${d.key}`;
    const value = (values.find(a => a.key === d.key) || {}).value || '';
    const label = h('label', { for: id }, d.key + (d.required ? ' *' : ''));
    const input = d.type === 'CHOICE'
      ? h('select', { id, 'data-key': id, 'data-attribute': d.key, required: d.required, onchange },
        d.required ? null : h('option', { value: '' }, '—'), d.allowedValues.map(v => h('option', { value: v, selected: v === value }, v)))
      : h('input', { id, 'data-key': id, 'data-attribute': d.key, value, required: d.required, maxlength: String(d.maxLength),
        inputmode: d.type === 'NUMBER' ? 'decimal' : null, onchange });
    return [label, input];
  });
}

function readAttributes(container) {
  return [...container.querySelectorAll('[data-attribute]')].filter(i => i.value !== '').map(i => ({ key: i.dataset.attribute, value: i.value }));
}

let ids = 0;

/** A grid's product (one variant known) in the shape of a full product. */
function tile(p) {
  const v = p.selectedOrFirstAvailableVariant;
  return { ...p, partial: true, variants: { nodes: v ? [v] : [] } };
}

/** <shopgraph-product handle="…">: a card with variant selection, the variant's declared inputs and add-to-cart. */
class ProductCard extends ShopElement {
  async start() {
    this.uid = `p${++ids}`;
    this.render(h('p', { class: 'card muted', role: 'status' }, 'Loading…'));
    try {
      this.product = this.data ? tile(this.data) : await shop.client.product(this.getAttribute('handle'), shop.apiLocale);
    } catch (e) {
      this.render(h('p', { class: 'card error', role: 'alert' }, errorText(e)));
      return;
    }
    if (!this.product) {
      this.render(h('p', { class: 'card muted' }, 'This product is not available.'));
      return;
    }
    const first = this.product.variants.nodes.find(v => v.availableForSale) || this.product.variants.nodes[0];
    this.selected = Object.fromEntries((first ? first.selectedOptions : []).map(o => [o.name, o.value]));
    if (!this.data) shop.record('PRODUCT_VIEWED', this.product.id);
    this.draw('');
  }

  /** A grid tile knows one variant; "Choose options" loads the product's variants into the same card. */
  async chooseOptions() {
    try {
      const full = await shop.client.product(this.product.handle, shop.apiLocale);
      if (full) this.product = full;
      this.draw('');
      const select = this.root.querySelector('select');
      if (select) select.focus();
    } catch (e) {
      this.draw(errorText(e), true);
    }
  }

  variant() {
    return this.product.variants.nodes.find(v => v.selectedOptions.every(o => this.selected[o.name] === o.value));
  }

  draw(status, isError) {
    const p = this.product;
    const v = this.variant();
    const titleId = `${this.uid}-title`;
    const options = p.options.filter(o => o.values.length > 1).map(o => {
      const id = `${this.uid}-opt-${o.name}`;
      return [h('label', { for: id }, o.name), h('select', { id, 'data-key': id, 'data-option': o.name,
        onchange: e => { this.selected[o.name] = e.target.value; this.draw(''); } },
      o.values.map(value => h('option', { value, selected: this.selected[o.name] === value }, value)))];
    });
    if (p.partial && p.options.some(o => o.values.length > 1)) {
      this.render(h('article', { class: 'card', 'aria-labelledby': titleId },
        image(p.featuredImage, p.title),
        h('h3', { id: titleId }, p.title),
        h('p', { class: 'price' }, money(p.priceRange.minVariantPrice, shop.locale)),
        h('button', { class: 'primary', type: 'button', 'data-key': `${this.uid}-choose`, onclick: () => this.chooseOptions() }, 'Choose options'),
        h('p', { class: `status${isError ? ' error' : ''}`, role: isError ? 'alert' : 'status' }, status)));
      return;
    }
    const soldOut = !v || !v.availableForSale;
    this.render(h('article', { class: 'card', 'aria-labelledby': titleId },
      image((v && v.image) || p.featuredImage, p.title),
      h(this.hasAttribute('compact') ? 'h3' : 'h2', { id: titleId }, p.title),
      h('p', { class: 'price', 'data-price': '' }, v ? money(v.price, shop.locale) : ''),
      options,
      v ? attributeInputs(v.lineAttributes, [], `${this.uid}-attr`, null) : null,
      h('button', { class: 'primary', type: 'button', 'data-key': `${this.uid}-add`, disabled: soldOut, onclick: () => this.add() },
        !v ? 'Unavailable' : soldOut ? 'Sold out' : shop.buttonText),
      h('p', { class: `status${isError ? ' error' : ''}`, role: isError ? 'alert' : 'status' }, status)));
  }

  async add() {
    const v = this.variant();
    const missing = v.lineAttributes.filter(d => d.required && !readAttributes(this.body).some(a => a.key === d.key));
    if (missing.length) {
      this.draw(friendly('MISSING_LINE_ATTRIBUTE'), true);
      return;
    }
    const attributes = readAttributes(this.body);
    const button = this.root.querySelector('.primary');
    button.disabled = true;
    const errors = await shop.add([{ merchandiseId: v.id, quantity: 1, attributes }]);
    this.draw(errors.length ? errors.join(' ') : 'Added to cart.', errors.length > 0);
    // The fields the shopper typed stay for the next add.
    for (const a of attributes) { const i = this.root.querySelector(`[data-attribute="${a.key}"]`); if (i) i.value = a.value; }
  }
}

/** <shopgraph-collection handle="…" page-size="6">: a grid of product cards with paging ("Load more"). */
class CollectionGrid extends ShopElement {
  async start() {
    this.products = [];
    this.cursor = null;
    this.render(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
    await this.more();
  }

  async more() {
    const size = Math.min(Math.max(parseInt(this.getAttribute('page-size'), 10) || 6, 1), 12);
    let collection;
    try {
      collection = await shop.client.collection(this.getAttribute('handle'), size, this.cursor, shop.apiLocale);
    } catch (e) {
      this.render(h('p', { class: 'error', role: 'alert' }, errorText(e)));
      return;
    }
    if (!collection) {
      this.render(h('p', { class: 'muted' }, 'This collection is not available.'));
      return;
    }
    if (!this.cursor) shop.record('COLLECTION_VIEWED', collection.id);
    this.title = collection.title;
    this.products.push(...collection.products.nodes);
    this.page = collection.products.pageInfo;
    this.cursor = this.page.endCursor;
    const titleId = `${this.handleId || (this.handleId = `c${++ids}`)}-title`;
    this.render(h('section', { 'aria-labelledby': titleId },
      h('h2', { id: titleId }, this.title),
      h('ul', { class: 'grid' }, this.products.map(p => {
        const card = h('shopgraph-product', { compact: true });
        card.data = p;
        return h('li', null, card);
      })),
      this.page.hasNextPage ? h('button', { class: 'more', type: 'button', 'data-key': 'more', onclick: () => this.more() }, 'Load more') : null));
  }
}

/** <shopgraph-buy-button variant="gid://…">: one button that adds one variant. */
class BuyButton extends ShopElement {
  async start() {
    try {
      this.variant = await shop.client.variant(this.getAttribute('variant'));
    } catch (e) {
      this.render(h('p', { class: 'error', role: 'alert' }, errorText(e)));
      return;
    }
    this.draw('');
  }

  draw(status, isError) {
    const v = this.variant;
    const ok = v && v.availableForSale;
    this.render(h('button', { class: 'primary', type: 'button', 'data-key': 'buy', disabled: !ok, onclick: () => this.add(),
      'aria-label': v ? `${shop.buttonText}: ${v.product.title}` : null },
    !v ? 'Unavailable' : ok ? `${shop.buttonText} · ${money(v.price, shop.locale)}` : 'Sold out'),
    h('p', { class: `status${isError ? ' error' : ''}`, role: isError ? 'alert' : 'status' }, status));
  }

  async add() {
    const errors = await shop.add([{ merchandiseId: this.variant.id, quantity: 1 }]);
    this.draw(errors.length ? errors.join(' ') : 'Added to cart.', errors.length > 0);
  }
}

/** <shopgraph-cart>: a cart button with the number of items; opens the drawer. */
class CartIcon extends ShopElement {
  start() {
    shop.addEventListener('cart', () => this.draw());
    this.draw();
  }

  draw() {
    const count = shop.cart ? shop.cart.totalQuantity : 0;
    // The visible text is the accessible name ("Cart 2 items"), as speech input users say what they see.
    this.render(h('button', { class: 'icon', type: 'button', 'data-key': 'cart', 'aria-haspopup': 'dialog', onclick: () => drawer().open() },
      h('span', null, 'Cart'), h('span', { class: 'count' }, String(count)), h('span', { class: 'sr' }, count === 1 ? ' item' : ' items')));
  }
}

function drawer() {
  let d = document.querySelector('shopgraph-drawer');
  if (!d) { d = document.createElement('shopgraph-drawer'); document.body.append(d); }
  return d;
}

/** The cart drawer: a modal <dialog> with the lines, codes, delivery, the cost breakdown and the checkout steps. */
class CartDrawer extends ShopElement {
  start() {
    this.step = 'cart';
    this.messages = [];
    this.pending = new Map();
    this.send = debounce(() => this.flush(), 400);
    this.dialog = h('dialog', { 'aria-labelledby': 'sg-drawer-title', onclose: () => { this.isOpen = false; } });
    this.root.append(this.dialog);
    shop.addEventListener('cart', () => { if (this.isOpen && this.step === 'cart') this.draw(); });
    shop.addEventListener('open', () => this.open());
  }

  render(...nodes) {
    const active = this.root.activeElement;
    const key = active && active.dataset.key;
    this.dialog.replaceChildren(...nodes);
    const again = key && this.root.querySelector(`[data-key="${key}"]`);
    if (again) again.focus();
  }

  async open() {
    this.step = 'cart';
    this.messages = [];
    this.isOpen = true;
    if (!this.dialog.open) this.dialog.showModal();
    this.draw();
    if (shop.client.features.checkout === null && shop.cart) {
      this.payment = await shop.client.paymentSettings().catch(() => null);
      this.draw();
    }
  }

  close() { this.dialog.close(); }

  frame(title, body, foot) {
    return h('div', { class: 'drawer' },
      h('div', { class: 'head' }, h('h2', { id: 'sg-drawer-title' }, title),
        h('button', { type: 'button', class: 'link', 'data-key': 'close', 'aria-label': 'Close', onclick: () => this.close() }, '✕')),
      h('div', { class: 'body' }, body,
        h('div', { class: 'status error', role: 'alert' }, this.messages.join(' '))),
      foot ? h('div', { class: 'foot' }, foot) : null);
  }

  /** Quantity changes wait for the shopper to stop clicking or typing, then go as one cartLinesUpdate. */
  quantity(line, value) {
    const quantity = Math.max(0, Math.min(999, Number.isFinite(value) ? value : line.quantity));
    this.pending.set(line.id, quantity);
    const input = this.root.querySelector(`[data-key="q-${line.id}"]`);
    if (input) input.value = String(quantity);
    this.send();
  }

  async flush() {
    const lines = [...this.pending].map(([id, quantity]) => ({ id, quantity }));
    this.pending.clear();
    if (lines.length) this.show(await shop.update(lines));
  }

  show(messages) {
    this.messages = messages;
    this.draw();
  }

  draw() {
    if (this.step === 'checkout') return this.drawCheckout();
    if (this.step === 'done') return this.drawDone();
    const cart = shop.cart;
    const lines = cart ? cart.lines.nodes : [];
    if (!lines.length) {
      this.render(this.frame('Your cart', h('p', { class: 'muted' }, 'Your cart is empty.')));
      return;
    }
    const f = shop.client.features;
    const warnings = new Map(cart.warnings.map(w => [w.target, w.message]));
    const body = [
      h('ul', { class: 'lines', 'aria-label': 'Items in your cart' }, lines.map(line => this.line(line, warnings.get(line.id)))),
      f.pricing ? this.codes(cart) : null,
      this.costs(cart)];
    const checkout = f.checkout
      ? h('button', { class: 'primary', type: 'button', 'data-key': 'checkout', onclick: () => { this.step = 'checkout'; this.messages = []; this.draw(); } }, 'Checkout')
      : null;
    this.render(this.frame('Your cart', body, checkout));
  }

  line(line, warning) {
    const v = line.merchandise;
    const title = v ? v.product.title : 'Unavailable item';
    const name = v && v.title !== 'Default' ? `${title} – ${v.title}` : title;
    const qid = `q-${line.id}`;
    const attributes = v && v.lineAttributes.length
      ? attributeInputs(v.lineAttributes, line.attributes, `a-${line.id}`, async e => {
        const container = e.target.closest('li');
        this.show(await shop.update([{ id: line.id, attributes: readAttributes(container) }]));
      })
      : line.attributes.map(a => h('p', { class: 'muted' }, `${a.key}: ${a.value}`));
    return h('li', { class: 'line' },
      image(v && (v.image || v.product.featuredImage), name),
      h('div', null,
        h('p', null, name),
        h('p', { class: 'muted' }, money(line.cost.amountPerQuantity, shop.locale)),
        attributes,
        v ? h('div', { class: 'qty', role: 'group', 'aria-label': `Quantity of ${name}` },
          h('button', { type: 'button', 'data-key': `m-${line.id}`, 'aria-label': `One less ${name}`,
            onclick: () => this.quantity(line, (this.pending.get(line.id) ?? line.quantity) - 1) }, '−'),
          h('label', { class: 'sr', for: qid }, `Quantity of ${name}`),
          h('input', { id: qid, 'data-key': qid, type: 'number', min: '0', max: '999', inputmode: 'numeric', value: String(line.quantity),
            oninput: e => { if (e.target.value !== '') this.quantity(line, parseInt(e.target.value, 10)); } }),
          h('button', { type: 'button', 'data-key': `p-${line.id}`, 'aria-label': `One more ${name}`,
            onclick: () => this.quantity(line, (this.pending.get(line.id) ?? line.quantity) + 1) }, '+')) : null,
        warning ? h('p', { class: 'error' }, warning) : null),
      h('div', null,
        h('p', { class: 'price' }, money(line.cost.totalAmount, shop.locale)),
        h('button', { type: 'button', class: 'link', 'data-key': `r-${line.id}`, 'aria-label': `Remove ${name}`,
          onclick: async () => this.show(await shop.remove([line.id])) }, 'Remove')));
  }

  codes(cart) {
    const applied = cart.discountCodes || [];
    return h('form', { onsubmit: async e => {
      e.preventDefault();
      const input = e.target.querySelector('input');
      const code = input.value.trim();
      if (!code) return;
      this.show(await shop.mutate(() => shop.client.discountCodes(cart.id, [...applied.map(c => c.code), code])));
    } },
    h('div', { class: 'row' },
      h('div', null, h('label', { for: 'sg-code' }, 'Discount code'), h('input', { id: 'sg-code', 'data-key': 'code', autocomplete: 'off' })),
      h('button', { type: 'submit', 'data-key': 'apply' }, 'Apply')),
    applied.map(c => h('p', { class: c.applicable === false ? 'error' : 'muted' }, c.code,
      c.applicable === false ? ' (does not apply)' : '', ' ',
      h('button', { type: 'button', class: 'link', 'aria-label': `Remove code ${c.code}`,
        onclick: async () => this.show(await shop.mutate(() => shop.client.discountCodes(cart.id,
          applied.filter(x => x.code !== c.code).map(x => x.code)))) }, 'Remove'))));
  }

  costs(cart) {
    const c = cart.cost;
    const row = (label, value, cls) => (value ? [h('dt', { class: cls }, label), h('dd', { class: cls }, money(value, shop.locale))] : null);
    const nonZero = m => (m && Number(m.amount) !== 0 ? m : null);
    const chosen = (cart.deliveryOptions || []).some(o => o.selected);
    return h('dl', { 'aria-label': 'Cost' },
      row('Subtotal', c.subtotalAmount),
      row('Discount', nonZero(c.discountAmount) && { ...c.discountAmount, amount: `-${c.discountAmount.amount}` }),
      // The API's shippingAmount is zero until an option is chosen: "€0.00" would read as free shipping.
      row('Shipping', chosen ? c.shippingAmount : null),
      !chosen && cart.requiresShipping ? [h('dt', null, 'Shipping'), h('dd', { class: 'muted' }, 'Calculated at checkout')] : null,
      row('Tax', nonZero(c.taxAmount)),
      row('Total', c.totalAmount, 'total'),
      c.totalAmountEstimated && !shop.client.features.checkout ? [h('dt', { class: 'muted' }, 'Shipping and taxes at checkout'), h('dd')] : null);
  }

  field(id, label, value, attrs) {
    return [h('label', { for: `sg-${id}` }, label), h('input', { id: `sg-${id}`, 'data-key': id, name: id, value: value || '', required: true, ...attrs })];
  }

  drawCheckout() {
    const cart = shop.cart;
    const saved = shop.load('address') || {};
    const address = cart.requiresShipping ? h('fieldset', null, h('legend', null, 'Shipping address'),
      this.field('firstName', 'First name', saved.firstName, { autocomplete: 'given-name' }),
      this.field('lastName', 'Last name', saved.lastName, { autocomplete: 'family-name' }),
      this.field('address1', 'Address', saved.address1, { autocomplete: 'address-line1' }),
      this.field('city', 'City', saved.city, { autocomplete: 'address-level2' }),
      this.field('zip', 'Postal code', saved.zip, { autocomplete: 'postal-code' }),
      this.field('countryCode', 'Country (two letters, e.g. DE)', saved.countryCode || (shop.shopInfo && shop.shopInfo.countryCode),
        { autocomplete: 'country', pattern: '[A-Za-z]{2}', maxlength: '2' })) : null;
    const options = cart.deliveryOptions || [];
    const delivery = cart.requiresShipping && options.length ? h('fieldset', null, h('legend', null, 'Delivery'),
      options.map(o => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'delivery', value: o.handle, checked: o.selected,
        'data-key': `d-${o.handle}`, onchange: async () => this.show(await shop.mutate(() => shop.client.selectDelivery(cart.id, o.handle))) }),
      `${o.title} · ${money(o.estimatedCost, shop.locale)}`))) : null;
    const ready = !cart.requiresShipping || options.some(o => o.selected);
    const form = h('form', { onsubmit: e => { e.preventDefault(); this.contact(new FormData(e.target)); } },
      this.field('email', 'Email', cart.buyerIdentity.email, { type: 'email', autocomplete: 'email' }),
      address,
      h('button', { type: 'submit', 'data-key': 'continue' }, cart.requiresShipping ? 'Show delivery options' : 'Continue'));
    this.render(this.frame('Checkout', [form, delivery, this.costs(cart), h('div', { id: 'sg-payment-slot' }, h('slot', { name: 'payment' }))],
      [h('button', { type: 'button', class: 'link', 'data-key': 'back', onclick: () => { this.step = 'cart'; this.messages = []; this.draw(); } }, 'Back to cart'),
        this.stripe ? h('button', { class: 'primary', type: 'button', 'data-key': 'pay', onclick: () => this.pay() }, 'Pay')
          : h('button', { class: 'primary', type: 'button', 'data-key': 'place', disabled: !ready || !cart.buyerIdentity.email,
            onclick: () => this.place() }, 'Place order')]));
  }

  async contact(data) {
    const cart = shop.cart;
    const address = Object.fromEntries([...data].filter(([k]) => k !== 'email' && k !== 'delivery'));
    if (address.countryCode) address.countryCode = address.countryCode.toUpperCase();
    let errors = await shop.mutate(() => shop.client.buyerIdentity(cart.id, { email: data.get('email'), countryCode: address.countryCode || null }));
    if (!errors.length && cart.requiresShipping) {
      shop.save('address', address);
      errors = await shop.mutate(() => shop.client.shippingAddress(shop.cart.id, address));
    }
    this.show(errors);
  }

  async place() {
    const cart = shop.cart;
    // One key per cart: a retry after a lost answer places the same order, never a second one.
    const keys = shop.load('checkout') || {};
    keys[cart.id] = keys[cart.id] || uuid();
    shop.save('checkout', keys);
    let result;
    try {
      result = await shop.client.checkoutComplete(cart.id, keys[cart.id]);
    } catch (e) {
      this.show([errorText(e)]);
      return;
    }
    if (result.userErrors.length) {
      this.show(result.userErrors.map(e => friendly(e.code, e.message)));
      return;
    }
    this.result = result;
    const payment = result.payment || {};
    if (payment.clientSecret && payment.provider === 'STRIPE') {
      await this.mountStripe(payment);
      return;
    }
    this.finish();
  }

  /** Stripe.js is loaded only now, from Stripe (or data-stripe-js), and its Payment Element is slotted in from light DOM. */
  async mountStripe(payment) {
    try {
      if (!window.Stripe) {
        await new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = shop.stripeJs;
          s.onload = resolve;
          s.onerror = () => reject(new ApiError('NETWORK'));
          document.head.append(s);
        });
      }
      this.stripe = window.Stripe(payment.publishableKey || (this.payment && this.payment.publishableKey));
      this.elements = this.stripe.elements({ clientSecret: payment.clientSecret });
      const host = document.createElement('div');
      host.slot = 'payment';
      this.replaceChildren(host);
      this.elements.create('payment').mount(host);
      this.draw();
    } catch (e) {
      this.show([errorText(e)]);
    }
  }

  async pay() {
    const outcome = await this.stripe.confirmPayment({ elements: this.elements, confirmParams: { return_url: location.href }, redirect: 'if_required' });
    if (outcome.error) this.show([outcome.error.message || friendly('PAYMENT_FAILED')]);
    else this.finish(true);
  }

  finish(paid = false) {
    // Lines that don't ship are digital goods or services: a paid order's downloads appear on the confirmation.
    const delivers = shop.cart.lines.nodes.some(l => l.merchandise && l.merchandise.requiresShipping === false);
    this.delivery = null;
    this.deliveryPending = false;
    this.stripe = null;
    this.replaceChildren();
    const keys = shop.load('checkout') || {};
    delete keys[shop.cart.id];
    shop.save('checkout', keys);
    shop.save('lastOrder', this.result.orderToken);
    shop.setCart(null);
    this.step = 'done';
    this.messages = [];
    this.draw();
    if (delivers) this.awaitDelivery(this.result.orderToken, paid);
  }

  /**
   * The delivery is made once the payment is confirmed (Stripe's webhook, then the digital module, a moment later):
   * after a payment in the page the confirmation asks a few times, seconds apart; an unpaid order is asked once.
   */
  async awaitDelivery(orderToken, paid) {
    for (let attempt = 0; attempt < (paid ? 15 : 1); attempt++) {
      if (attempt) await new Promise(resolve => setTimeout(resolve, 2000));
      if (this.step !== 'done' || !orderToken) return;
      let order;
      try {
        order = await shop.client.orderDelivery(orderToken);
      } catch (e) {
        return; // an API without digital deliveries, or the network: the confirmation stands as it is
      }
      if (!order) return;
      if (order.digitalDelivery) {
        this.delivery = order.digitalDelivery;
        this.draw();
        return;
      }
      if (!paid && order.status === 'PENDING_PAYMENT') {
        this.deliveryPending = true;
        this.draw();
        return;
      }
    }
  }

  drawDelivery() {
    if (this.deliveryPending) {
      return h('p', { class: 'muted', 'data-delivery': 'pending' }, 'Your download links will appear once your payment is confirmed.');
    }
    const d = this.delivery;
    if (!d || (!d.downloads.length && !d.licenseKeys.length)) return null;
    return h('section', { 'aria-label': 'Your downloads', 'data-delivery': 'ready' }, [
      h('h3', null, 'Your downloads'),
      d.downloads.length ? h('ul', { class: 'downloads' }, d.downloads.map(x => h('li', null, x.url
        ? h('a', { href: x.url, download: x.fileName, rel: 'noopener', 'data-download': x.fileName }, x.fileName)
        : x.fileName))) : null,
      d.licenseKeys.length ? h('ul', { class: 'keys' }, d.licenseKeys.map(k => h('li', null,
        [h('span', { class: 'muted' }, 'License key: '), h('code', { 'data-license-key': '' }, k.key)]))) : null]);
  }

  drawDone() {
    const order = this.result.order;
    const instructions = this.result.payment && this.result.payment.instructions;
    this.render(this.frame('Thank you!', [
      h('p', { role: 'status', 'data-order': order.name }, `Your order ${order.name} is placed.`),
      instructions ? h('p', { class: 'muted' }, instructions) : null, this.drawDelivery()],
    h('button', { class: 'primary', type: 'button', 'data-key': 'done', onclick: () => this.close() }, 'Continue shopping')));
  }
}

const HOOKS = [['shopgraphProduct', 'shopgraph-product', 'handle'], ['shopgraphCollection', 'shopgraph-collection', 'handle'],
  ['shopgraphBuyButton', 'shopgraph-buy-button', 'variant'], ['shopgraphCart', 'shopgraph-cart', null]];

/** Turns the page's data-shopgraph-* hooks into elements (also those a client-side router adds later). */
function upgrade(root) {
  for (const [data, tag, attribute] of HOOKS) {
    const selector = `[data-${data.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}]`;
    const found = [...root.querySelectorAll(selector)];
    if (root.matches && root.matches(selector)) found.push(root);
    for (const host of found) {
      if (host.shopgraph) continue;
      const el = document.createElement(tag);
      if (attribute) el.setAttribute(attribute, host.dataset[data]);
      if (host.dataset.pageSize) el.setAttribute('page-size', host.dataset.pageSize);
      host.shopgraph = el;
      host.append(el);
    }
  }
}

/** Called by the loader with its <script> element (or by a page that imports this module directly). */
export async function boot(script, overrides) {
  if (shop) return shop;
  const d = Object.assign({}, script ? script.dataset : {}, overrides || {});
  if (!d.store) {
    console.error('ShopGraph: the snippet needs data-store="<storefront token>"');
    return null;
  }
  const theme = {};
  for (const [option, property] of [['accent', '--sg-accent'], ['accentText', '--sg-accent-text'], ['font', '--sg-font'],
    ['radius', '--sg-radius'], ['text', '--sg-text'], ['background', '--sg-background']]) {
    if (d[option]) theme[property] = d[option];
  }
  shop = new Shop({
    token: d.store,
    endpoint: d.api || new URL('/graphql', script ? script.src : location.href).href,
    locale: d.locale || document.documentElement.lang || navigator.language || 'en',
    apiLocale: d.locale || null,
    buttonText: d.buttonText || 'Add to cart',
    consent: d.consent !== 'pending' && d.consent !== 'denied',
    openCartOnAdd: d.openCart === 'true',
    stripeJs: d.stripeJs || 'https://js.stripe.com/v3/',
    theme,
  });
  window.ShopGraph = Object.assign(window.ShopGraph || {}, {
    consent: granted => shop.setConsent(granted),
    openCart: () => drawer().open(),
    shop,
  });
  await shop.start();
  customElements.define('shopgraph-product', ProductCard);
  customElements.define('shopgraph-collection', CollectionGrid);
  customElements.define('shopgraph-buy-button', BuyButton);
  customElements.define('shopgraph-cart', CartIcon);
  customElements.define('shopgraph-drawer', CartDrawer);
  upgrade(document);
  new MutationObserver(records => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) upgrade(n);
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.dispatchEvent(new CustomEvent('shopgraph:ready'));
  return shop;
}
