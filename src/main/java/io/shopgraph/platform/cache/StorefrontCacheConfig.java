package io.shopgraph.platform.cache;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The storefront response cache ({@code shopgraph.storefront-cache.*}, docs/performance.md); README lists them. */
@ConfigMapping(prefix = "shopgraph.storefront-cache")
public interface StorefrontCacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** The staleness bound when no change notification can help (scheduled publication passing, a lost notification). */
    @WithDefault("5s")
    Duration maxAge();

    @WithDefault("20000")
    int maxEntries();

    @WithDefault("128M")
    MemorySize maxSize();

    /**
     * With this secret set (unset by default), a request that also sends it in X-ShopGraph-Cache-Bypass skips the
     * cache (bench/ and statement-count tests); Cache-Control: no-cache from a public caller is ignored.
     */
    Optional<String> bypassSecret();
}
