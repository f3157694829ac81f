package io.shopgraph.platform.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A test event no consumer subscribes to: recorded, never delivered. */
@RegisterForReflection
public record Unheard(UUID aggregateId, String label) implements DomainEvent {
}
