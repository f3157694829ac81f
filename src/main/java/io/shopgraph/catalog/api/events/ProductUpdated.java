package io.shopgraph.catalog.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.ResourceEvent;

/**
 * Outbox event (docs/events.md): a product was changed (productUpdate). {@code resourceJson} is
 * the product as the API's {@code Product} type shows it, rendered in the transaction of the change.
 */
@RegisterForReflection
public record ProductUpdated(UUID productId, String resourceJson) implements ResourceEvent {

    @Override
    public UUID aggregateId() {
        return productId;
    }
}
