package io.shopgraph.catalog.api.events;

import java.util.List;
import java.util.UUID;

/** Variants were added to a product, inside the creating transaction (observers run in it). */
public record VariantsCreated(UUID productId, List<UUID> variantIds) {
}
