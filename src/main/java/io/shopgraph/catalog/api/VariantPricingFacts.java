package io.shopgraph.catalog.api;

import java.util.Set;
import java.util.UUID;

/**
 * What pricing needs of a variant beyond its price: whether tax applies, its weight (for weight-based shipping rates;
 * null when the merchant gave none) and the collections its product belongs to (for collection-targeted discounts).
 */
public record VariantPricingFacts(UUID variantId, boolean taxable, Integer weightGrams, Set<UUID> collectionIds) {

    public VariantPricingFacts {
        collectionIds = Set.copyOf(collectionIds);
    }
}
