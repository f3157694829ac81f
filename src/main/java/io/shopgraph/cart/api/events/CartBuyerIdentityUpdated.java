package io.shopgraph.cart.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A cart's contact details or customer changed (the values now in force; null when none). */
@RegisterForReflection
public record CartBuyerIdentityUpdated(UUID cartId, UUID sessionId, UUID customerId, String email, String phone, String countryCode) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
