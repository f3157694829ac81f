// ShopGraph embed: amounts and the shopper-facing messages for the API's error codes.

const formats = new Map();

/** A Money ({ amount: "12.50", currencyCode: "EUR" }) in the page's locale, with Intl. */
export function money(value, locale) {
  if (!value) return '';
  const key = locale + value.currencyCode;
  if (!formats.has(key)) {
    try {
      formats.set(key, new Intl.NumberFormat(locale, { style: 'currency', currency: value.currencyCode }));
    } catch (e) {
      formats.set(key, new Intl.NumberFormat('en', { style: 'currency', currency: value.currencyCode }));
    }
  }
  // The amount is an exact decimal string; Number() only for display, never for arithmetic.
  return formats.get(key).format(Number(value.amount));
}

/** What the shopper reads for a userError code or a top-level error code; unknown codes fall back to the API's text. */
const MESSAGES = {
  CART_NOT_FOUND: 'Your cart has expired. Please add the items again.',
  CART_QUANTITY_LIMIT: 'Your cart holds as many items as it can.',
  TOO_MANY_LINES: 'Your cart has as many different items as it can hold.',
  INVALID_QUANTITY: 'Please choose a quantity between 1 and 999.',
  INVALID_MERCHANDISE_LINE: 'This item is no longer available.',
  MISSING_LINE_ATTRIBUTE: 'Please fill in the required details for this item.',
  INVALID_LINE_ATTRIBUTE: 'Please check the details you entered for this item.',
  INVALID_EMAIL: 'Please enter a valid email address.',
  INVALID_PHONE: 'Please enter a valid phone number.',
  INVALID_COUNTRY: 'Please choose a valid country.',
  LINE_NOT_FOUND: 'This item is no longer in your cart.',
  DISCOUNT_CODE_NOT_FOUND: 'This code is not valid.',
  DISCOUNT_NOT_APPLICABLE: 'This code does not apply to your cart.',
  DISCOUNT_EXPIRED: 'This code has expired.',
  NOT_ENOUGH_STOCK: 'Sorry, there is not enough stock left for your order.',
  NO_DELIVERY_OPTION: 'Please choose a delivery option.',
  PAYMENT_FAILED: 'The payment did not go through. Please try again.',
  THROTTLED: 'The shop is busy. Please try again in a moment.',
  NETWORK: 'The shop cannot be reached. Please check your connection.',
  ORIGIN_NOT_ALLOWED: 'This shop is not available on this site.',
  UNAUTHENTICATED: 'This shop is not available right now.',
  TIMEOUT: 'The shop took too long to answer. Please try again.',
};

export function friendly(code, fallback) {
  return MESSAGES[code] || fallback || 'Something went wrong. Please try again.';
}

/** Runs {@code fn} once calls stop for {@code ms} (quantity typing and clicking: no request in a tight loop). */
export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
