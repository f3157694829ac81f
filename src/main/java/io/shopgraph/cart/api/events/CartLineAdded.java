package io.shopgraph.cart.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** Units of a variant were added to a cart (a new line, or more of an equal line); amounts in minor units. */
@RegisterForReflection
public record CartLineAdded(UUID cartId, UUID sessionId, UUID lineId, UUID variantId, UUID productId, int quantityAdded, int lineQuantity, long unitPriceMinor, String currencyCode) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
