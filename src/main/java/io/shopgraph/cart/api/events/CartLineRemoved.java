package io.shopgraph.cart.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A line was removed (cartLinesRemove, or cartLinesUpdate to 0). */
@RegisterForReflection
public record CartLineRemoved(UUID cartId, UUID sessionId, UUID lineId, UUID variantId, UUID productId, int quantity, long unitPriceMinor, String currencyCode) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
