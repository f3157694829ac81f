package io.shopgraph.platform.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A test event: the {@code n}-th event of its aggregate, with a label tests use to steer the consumer. */
@RegisterForReflection
public record Probe(UUID aggregateId, int n, String label) implements DomainEvent {
}
