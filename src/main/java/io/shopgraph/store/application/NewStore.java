package io.shopgraph.store.application;

import java.util.Optional;

import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.store.domain.StorePlan;

/**
 * A store to create. {@code owner} becomes its OWNER member; {@code storefrontToken} seeds a
 * storefront token with a known value (demo data only).
 */
public record NewStore(String name, String handle, String currencyCode, String countryCode, boolean pricesIncludeTax,
        String timezone, StorePlan plan, Optional<MerchantPrincipal> owner, Optional<String> storefrontToken) {
}
