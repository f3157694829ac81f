package io.shopgraph.catalog.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.graphql.NodeSource;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;

/** {@code node(id:)} for products, variants and collections, with the storefront's visibility rules. */
@ApplicationScoped
public class CatalogNodeSource implements NodeSource {

    private final CatalogReads reads;
    private final StoreAccess access;

    CatalogNodeSource(CatalogReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @Override
    public Set<String> types() {
        return Set.of(ProductView.TYPE, ProductVariantView.TYPE, CollectionView.TYPE);
    }

    @Override
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        if (audience == Audience.MERCHANT && access.merchant().filter(g -> g.allows(Scope.READ_PRODUCTS)).isEmpty()) {
            return Map.of();
        }
        boolean storefront = audience == Audience.STOREFRONT;
        Map<UUID, Node> found = new HashMap<>();
        switch (type) {
            case ProductView.TYPE -> found.putAll(reads.productsByIds(ids, storefront));
            case ProductVariantView.TYPE -> found.putAll(reads.variantsByIds(ids, storefront));
            case CollectionView.TYPE -> found.putAll(reads.collectionsByIds(ids));
            default -> {
            }
        }
        return found;
    }
}
