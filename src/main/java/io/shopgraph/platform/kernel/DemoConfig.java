package io.shopgraph.platform.kernel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Demo data for dev mode and bench/ ({@code shopgraph.demo.*}), off by default: the one switch that the store
 * module's and the catalog's seed rooms share, so it lives in the kernel. README lists them.
 */
@ConfigMapping(prefix = "shopgraph.demo")
public interface DemoConfig {

    /** Seed the demo store and its catalogue at startup (on in dev mode). */
    @WithDefault("false")
    boolean enabled();

    /** The store the demo catalogue goes into. */
    @WithDefault("demo")
    String storeHandle();

    /** The dev OIDC server's user made OWNER of the demo store. */
    @WithDefault("alice")
    String owner();

    /** The demo store's storefront token, the one README's first query uses. */
    @WithDefault("demo-storefront-token")
    String storefrontToken();
}
