package io.shopgraph.cart.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A cart was created, in a shopper session when {@code sessionId} is not null. */
@RegisterForReflection
public record CartCreated(UUID cartId, UUID sessionId, String currencyCode, Instant createdAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
