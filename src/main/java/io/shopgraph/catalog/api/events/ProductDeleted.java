package io.shopgraph.catalog.api.events;

import java.util.UUID;

/** A product and its variants were deleted, inside the deleting transaction. */
public record ProductDeleted(UUID productId) {
}
