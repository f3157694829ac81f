package io.shopgraph.checkout.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/**
 * A checkout step was completed (the CHECKOUT_STEP session event): {@code stepIndex} orders the steps
 * (1 = first), {@code step} names it (e.g. CONTACT, SHIPPING, PAYMENT). Analytics' drop-off by step counts,
 * per step, the started checkouts that completed it.
 */
@RegisterForReflection
public record CheckoutStepCompleted(UUID checkoutId, UUID cartId, UUID sessionId, int stepIndex, String step, Instant completedAt)
        implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return checkoutId;
    }
}
