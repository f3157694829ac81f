package io.shopgraph.store.api;

import io.shopgraph.platform.kernel.StoreId;

/**
 * The settings of a store that pricing, checkout and the catalog depend on. {@code defaultLocale} is the
 * locale of the store's base catalogue texts (e.g. "en" or "fr-CA").
 */
public record StoreSettings(StoreId id, String currencyCode, String countryCode, boolean pricesIncludeTax,
        String timezone, String defaultLocale) {
}
