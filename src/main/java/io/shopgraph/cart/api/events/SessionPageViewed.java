package io.shopgraph.cart.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** The storefront recorded a page-level event: PRODUCT_VIEWED (a product id), COLLECTION_VIEWED (a collection id) or SEARCHED (the text). */
@RegisterForReflection
public record SessionPageViewed(UUID sessionId, String type, UUID subjectId, String searchQuery, Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return sessionId;
    }
}
