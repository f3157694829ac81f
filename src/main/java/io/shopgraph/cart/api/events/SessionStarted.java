package io.shopgraph.cart.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A shopper session started: where the shopper came from, pseudonymous (no IP address, no user agent). */
@RegisterForReflection
public record SessionStarted(UUID sessionId, Instant startedAt, String landingPath, String referrerHost, String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent, String locale, String countryCode, String deviceType) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return sessionId;
    }
}
