package io.shopgraph.store.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the store module ({@code shopgraph.storefront-token.*}), with their defaults; README lists them. */
@ConfigMapping(prefix = "shopgraph.storefront-token")
public interface StoreConfig {

    /**
     * How long an instance remembers a storefront token's store: the staleness bound of a revocation on other
     * instances (this instance forgets a revoked token at once).
     */
    @WithDefault("10s")
    Duration cacheTtl();
}
