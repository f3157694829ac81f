package io.shopgraph.cart.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A customer's open cart was merged into another at sign-in; it is closed. */
@RegisterForReflection
public record CartMerged(UUID cartId, UUID intoCartId) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
