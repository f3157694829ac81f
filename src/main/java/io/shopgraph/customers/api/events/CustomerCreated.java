package io.shopgraph.customers.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.ResourceEvent;

/**
 * Outbox event (docs/events.md): a customer account was created. {@code resourceJson} is the customer as
 * the API's {@code Customer} type shows it (never the password hash).
 */
@RegisterForReflection
public record CustomerCreated(UUID customerId, String resourceJson) implements ResourceEvent {

    @Override
    public UUID aggregateId() {
        return customerId;
    }
}
