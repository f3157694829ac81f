package io.shopgraph.catalog.api.events;

import java.util.List;
import java.util.UUID;

/**
 * Variants of a product that stays were deleted, inside the deleting transaction (observers run in it,
 * so a failure there rolls the deletion back). A deleted product is told by {@link ProductDeleted}.
 */
public record VariantsDeleted(UUID productId, List<UUID> variantIds) {
}
