package io.shopgraph.catalog.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The catalog's settings, all of them for seeding (bench/ and dev mode), off by default; the demo catalogue is
 * switched with {@code shopgraph.demo.*} ({@code platform.kernel.DemoConfig}). README lists them.
 */
@ConfigMapping(prefix = "shopgraph.catalog")
public interface CatalogSeedConfig {

    /** The reference catalogue (bench/data, 1,000 products) imported into a store at startup (bench/comparisons). */
    Reference reference();

    /** Deterministic generated products (bench/run.sh PRODUCTS=N). */
    Generate generate();

    interface Reference {

        @WithDefault("false")
        boolean enabled();

        /** The gzipped JSON document, relative to the working directory. */
        @WithDefault("bench/data/catalog-1000.json.gz")
        String path();

        /** The handle of the store it goes into. */
        @WithDefault("demo")
        String store();
    }

    interface Generate {

        /** How many products to generate at startup; 0 turns the generator off. */
        @WithDefault("0")
        int products();

        /** The handle of the store they go into. */
        @WithDefault("demo")
        String store();
    }
}
