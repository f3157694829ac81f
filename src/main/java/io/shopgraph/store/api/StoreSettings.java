package io.shopgraph.store.api;

import io.shopgraph.platform.kernel.StoreId;

/** The settings of a store that pricing and checkout depend on. */
public record StoreSettings(StoreId id, String currencyCode, String countryCode, boolean pricesIncludeTax,
        String timezone) {
}
