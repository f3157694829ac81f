// ShopGraph embed: the API client. Every GraphQL document the widget sends is in this file, so a renamed field or
// mutation is a one-line change here. Documents that use parts of the API which a deployment may not have yet
// (pricing, delivery, checkout) come with a fallback: a document that fails validation is never executed, so
// retrying it without those fields is always safe, and the widget hides the step they belong to.

const MONEY = 'amount currencyCode';
const IMAGE = 'url altText width height';
const VARIANT = `id title availableForSale requiresShipping price { ${MONEY} } selectedOptions { name value } image { ${IMAGE} } `
  + 'lineAttributes { key type required maxLength allowedValues }';
const PRODUCT = `id handle title vendor availableForSale featuredImage { ${IMAGE} } options { name values } `
  + `priceRange { minVariantPrice { ${MONEY} } maxVariantPrice { ${MONEY} } } variants(first: 25) { nodes { ${VARIANT} } }`;
// Grid tiles: no variant list (a page of 12 stays far under the query cost limit); a tile with options loads PRODUCT.
const TILE = `id handle title availableForSale featuredImage { ${IMAGE} } options { name values } `
  + `priceRange { minVariantPrice { ${MONEY} } maxVariantPrice { ${MONEY} } } selectedOrFirstAvailableVariant { ${VARIANT} }`;
const LINE = `id quantity attributes { key value } cost { amountPerQuantity { ${MONEY} } totalAmount { ${MONEY} } } `
  + `merchandise { id title requiresShipping image { ${IMAGE} } lineAttributes { key type required maxLength allowedValues } `
  + `product { handle title featuredImage { ${IMAGE} } } }`;
const CART_BASE = `id totalQuantity requiresShipping buyerIdentity { email countryCode } lines(first: 100) { nodes { ${LINE} } } `
  + `warnings { code target message } cost { subtotalAmount { ${MONEY} } totalAmount { ${MONEY} } totalAmountEstimated }`;
// Pricing and checkout (the contract agreed with those modules): codes, delivery options, the full breakdown.
const CART_PRICED = CART_BASE + ` discountCodes { code applicable } deliveryOptions { handle title estimatedCost { ${MONEY} } selected } `
  + `cost { discountAmount { ${MONEY} } shippingAmount { ${MONEY} } taxAmount { ${MONEY} } }`;
const ERRORS = 'userErrors { field code message }';
const ORDER = 'id number name status';

/** A top-level GraphQL error (extensions.code) or a network failure. */
export class ApiError extends Error {
  constructor(code, message) { super(message || code); this.code = code; }
}

/** The GraphQL client of one store: endpoint, storefront token, and the session token once there is one. */
export function createClient({ endpoint, token }) {
  let sessionToken = null;
  // Feature flags learnt from the API's answers (null: not asked yet).
  const features = { pricing: null, checkout: null };

  async function send(query, variables, { get = false } = {}) {
    const headers = { 'X-Storefront-Token': token, Accept: 'application/json' };
    if (sessionToken && !get) headers['X-Session-Token'] = sessionToken;
    let response;
    try {
      if (get) {
        // Public catalog reads over GET: the browser's and CDNs' caches and the storefront response cache serve them.
        const url = new URL(endpoint);
        url.searchParams.set('query', query);
        if (variables) url.searchParams.set('variables', JSON.stringify(variables));
        response = await fetch(url, { headers, credentials: 'omit', mode: 'cors' });
      } else {
        headers['Content-Type'] = 'application/json';
        response = await fetch(endpoint, { method: 'POST', headers, credentials: 'omit', mode: 'cors',
          body: JSON.stringify({ query, variables }) });
      }
    } catch (e) {
      throw new ApiError('NETWORK', e.message);
    }
    let body;
    try { body = await response.json(); } catch (e) { throw new ApiError(response.status === 429 ? 'THROTTLED' : 'INTERNAL'); }
    if (body.errors && body.errors.length) {
      const first = body.errors[0];
      throw new ApiError((first.extensions && first.extensions.code) || 'INTERNAL', first.message);
    }
    return body.data;
  }

  /** Sends {@code full}; when the API does not know its fields yet (a validation error), sends {@code base}. */
  async function sendEither(feature, full, base, variables, options) {
    if (features[feature] !== false) {
      try {
        const data = await send(full, variables, options);
        features[feature] = true;
        return data;
      } catch (e) {
        if (e.code !== 'BAD_REQUEST' || features[feature] === true) throw e;
        features[feature] = false;
      }
    }
    return send(base, variables, options);
  }

  const cartFields = () => (features.pricing === false ? CART_BASE : CART_PRICED);
  const cartMutation = (name, params, args) => [
    `mutation(${params}) { ${name}(${args}) { cart { ${CART_PRICED} } ${ERRORS} } }`,
    `mutation(${params}) { ${name}(${args}) { cart { ${CART_BASE} } ${ERRORS} } }`];
  async function mutateCart(name, params, args, variables) {
    const [full, base] = cartMutation(name, params, args);
    return (await sendEither('pricing', full, base, variables))[name];
  }

  return {
    features,
    setSessionToken(value) { sessionToken = value; },

    shop: async () => (await send('{ shop { name currencyCode countryCode } }', null, { get: true })).shop,
    product: async (handle, locale) => (await send(`query($h: String!, $l: String) { product(handle: $h, locale: $l) { ${PRODUCT} } }`,
      { h: handle, l: locale || null }, { get: true })).product,
    collection: async (handle, first, after, locale) => (await send('query($h: String!, $f: Int!, $a: String, $l: String) { '
      + `collection(handle: $h, locale: $l) { id title products(first: $f, after: $a) { nodes { ${TILE} } pageInfo { hasNextPage endCursor } } } }`,
    { h: handle, f: first, a: after || null, l: locale || null }, { get: true })).collection,
    variant: async (id) => (await send(`query($id: ID!) { node(id: $id) { ... on ProductVariant { ${VARIANT} product { title handle } } } }`,
      { id }, { get: true })).node,

    sessionStart: async (input) => (await send(`mutation($i: SessionStartInput!) { sessionStart(input: $i) { sessionToken tracked ${ERRORS} } }`,
      { i: input })).sessionStart,
    recordEvent: async (type, subjectId) => (await send(`mutation($e: SessionEventInput!) { sessionEventRecord(event: $e) { recorded ${ERRORS} } }`,
      { e: { type, subjectId } })).sessionEventRecord,

    cart: async (id) => (await sendEither('pricing', `query($id: ID!) { cart(id: $id) { ${CART_PRICED} } }`,
      `query($id: ID!) { cart(id: $id) { ${CART_BASE} } }`, { id })).cart,
    cartCreate: (lines) => mutateCart('cartCreate', '$i: CartInput', 'input: $i', { i: { lines } }),
    linesAdd: (cartId, lines) => mutateCart('cartLinesAdd', '$c: ID!, $l: [CartLineInput!]!', 'cartId: $c, lines: $l', { c: cartId, l: lines }),
    linesUpdate: (cartId, lines) => mutateCart('cartLinesUpdate', '$c: ID!, $l: [CartLineUpdateInput!]!', 'cartId: $c, lines: $l',
      { c: cartId, l: lines }),
    linesRemove: (cartId, ids) => mutateCart('cartLinesRemove', '$c: ID!, $l: [String!]!', 'cartId: $c, lineIds: $l', { c: cartId, l: ids }),
    buyerIdentity: (cartId, identity) => mutateCart('cartBuyerIdentityUpdate', '$c: ID!, $b: CartBuyerIdentityInput!',
      'cartId: $c, buyerIdentity: $b', { c: cartId, b: identity }),

    // Pricing and checkout: only called once features.pricing / features.checkout are true.
    discountCodes: (cartId, codes) => mutateCart('cartDiscountCodesUpdate', '$c: ID!, $d: [String!]!', 'cartId: $c, discountCodes: $d',
      { c: cartId, d: codes }),
    // The shipping address's shape may still change: this is the one place that builds it.
    shippingAddress: (cartId, a) => mutateCart('cartShippingAddressUpdate', '$c: ID!, $a: CartAddressInput', 'cartId: $c, address: $a',
      { c: cartId, a: { name: [a.firstName, a.lastName].filter(Boolean).join(' ') || null, address1: a.address1, city: a.city,
        zip: a.zip, countryCode: a.countryCode } }),
    selectDelivery: (cartId, handle) => mutateCart('cartSelectedDeliveryOptionUpdate', '$c: ID!, $h: String!',
      'cartId: $c, deliveryOptionHandle: $h', { c: cartId, h: handle }),
    paymentSettings: async () => {
      if (features.checkout === false) return null;
      try {
        const settings = (await send('{ paymentSettings { provider publishableKey } }', null, { get: true })).paymentSettings;
        features.checkout = true;
        return settings;
      } catch (e) {
        if (e.code !== 'BAD_REQUEST') throw e;
        features.checkout = false;
        return null;
      }
    },
    checkoutComplete: async (cartId, idempotencyKey) => (await send('mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, '
      + `idempotencyKey: $k) { order { ${ORDER} } orderToken payment { provider status clientSecret publishableKey instructions } ${ERRORS} } }`,
    { c: cartId, k: idempotencyKey })).checkoutComplete,
    orderByToken: async (orderToken) => (await send(`query($t: String!) { orderByToken(token: $t) { ${ORDER} } }`, { t: orderToken })).orderByToken,
    // What a paid order's digital lines delivered: its download links and license keys (null until delivered).
    // Links come relative when the service has no public base URL: they resolve against the API, not the seller's page.
    orderDelivery: async (orderToken) => {
      const order = (await send('query($t: String!) { orderByToken(token: $t) { status digitalDelivery { '
        + 'downloads { fileName url downloadsRemaining expiresAt } licenseKeys { key } } } }', { t: orderToken })).orderByToken;
      for (const d of (order && order.digitalDelivery && order.digitalDelivery.downloads) || []) {
        const url = d.url ? new URL(d.url, endpoint) : null;
        d.url = url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
      }
      return order;
    },
  };
}
