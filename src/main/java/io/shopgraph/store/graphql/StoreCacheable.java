package io.shopgraph.store.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.cache.StorefrontCacheable;

/** The shop's public settings ({@code shop}) are the same for every shopper of a store. */
@ApplicationScoped
class StoreCacheable implements StorefrontCacheable {

    @Override
    public Set<String> rootFields() {
        return Set.of("shop");
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("Shop");
    }

    @Override
    public Set<String> schemas() {
        return Set.of("store");
    }
}
