package io.shopgraph.catalog.api.events;

import java.util.List;
import java.util.UUID;

/**
 * Many products' variants were created at once by a bulk load (the catalogue generator), inside the
 * creating transaction. The lists are parallel: variant {@code i} belongs to product
 * {@code variantProducts.get(i)} and starts with {@code quantities.get(i)} on hand, tracked.
 */
public record VariantsBulkCreated(List<UUID> products, List<UUID> variants, List<UUID> variantProducts, List<Integer> quantities) {

    public VariantsBulkCreated {
        if (variants.size() != variantProducts.size() || variants.size() != quantities.size()) {
            throw new IllegalArgumentException("parallel lists of different sizes");
        }
    }
}
