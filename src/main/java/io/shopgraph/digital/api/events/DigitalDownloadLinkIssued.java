package io.shopgraph.digital.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/**
 * A download link of an order was issued again (the merchant's resend; the previous link stopped working). The
 * event names the grant only, never its token: a consumer that mails the link asks the digital module for it.
 */
@RegisterForReflection
public record DigitalDownloadLinkIssued(UUID orderId, UUID downloadId, UUID orderLineId, Instant expiresAt, Instant issuedAt)
        implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}
