package io.shopgraph.inventory.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.cache.StorefrontCacheable;

/** Inventory has no root reads of its own, but its stock fields are part of cached catalog answers. */
@ApplicationScoped
class InventoryCacheable implements StorefrontCacheable {

    @Override
    public Set<String> rootFields() {
        return Set.of();
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of();
    }

    @Override
    public Set<String> schemas() {
        return Set.of("inventory");
    }
}
