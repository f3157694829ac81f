package io.shopgraph.catalog.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.cache.StorefrontCacheable;

/** The catalog's public reads (products, collections, search) are the same for every shopper of a store. */
@ApplicationScoped
class CatalogCacheable implements StorefrontCacheable {

    @Override
    public Set<String> rootFields() {
        return Set.of("products", "product", "collections", "collection", "search");
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("Product", "ProductVariant", "ProductImage", "Collection");
    }

    @Override
    public Set<String> schemas() {
        return Set.of("catalog");
    }
}
