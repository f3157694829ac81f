package io.shopgraph.checkout.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/**
 * A shopper started a checkout of a cart (the CHECKOUT_STARTED session event), in a shopper session when
 * {@code sessionId} is not null. Published by checkout; analytics counts checkouts and their drop-off from it.
 */
@RegisterForReflection
public record CheckoutStarted(UUID checkoutId, UUID cartId, UUID sessionId, Instant startedAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return checkoutId;
    }
}
