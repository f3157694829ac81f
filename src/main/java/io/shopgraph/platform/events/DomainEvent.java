package io.shopgraph.platform.events;

import java.util.UUID;

/**
 * A fact that happened in a module, published through the outbox ({@link EventPublisher}). Event
 * records are past-tense, immutable records in the publishing module's {@code api.events} package
 * (e.g. {@code catalog.api.events.ProductUpdated}), annotated {@code @RegisterForReflection} (they
 * are stored as JSON), and carry the id of the aggregate they are about. Events of one aggregate are
 * delivered to each consumer in the order their transactions committed; the envelope adds the event
 * id, the store and the time ({@link EventEnvelope}). Their type name is {@link EventTypes#nameOf}.
 */
public interface DomainEvent {

    /** The aggregate (product, cart, order, ...) the event is about: the unit of delivery order. */
    UUID aggregateId();
}
