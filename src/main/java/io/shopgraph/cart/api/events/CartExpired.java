package io.shopgraph.cart.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A cart idle past the store's period expired; with lines, it counts as abandoned. */
@RegisterForReflection
public record CartExpired(UUID cartId, Instant expiredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return cartId;
    }
}
