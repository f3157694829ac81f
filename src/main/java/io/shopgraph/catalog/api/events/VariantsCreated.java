package io.shopgraph.catalog.api.events;

import java.util.List;
import java.util.UUID;

/**
 * Variants were added to a product, inside the creating transaction (observers run in it, so a
 * failure there rolls the creation back). {@code initialQuantity} is the stock the merchant gave
 * at creation; null means the variant's stock is not tracked.
 */
public record VariantsCreated(UUID productId, List<CreatedVariant> variants) {

    public record CreatedVariant(UUID variantId, Integer initialQuantity) {
    }
}
