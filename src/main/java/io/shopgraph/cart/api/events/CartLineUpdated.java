package io.shopgraph.cart.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A line's quantity or attributes changed; amounts in minor units. */
@RegisterForReflection
public record CartLineUpdated(UUID cartId, UUID sessionId, UUID lineId, UUID variantId, UUID productId, int previousQuantity, int quantity, long unitPriceMinor, String currencyCode) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
