package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.events.PaymentCanceled;
import io.shopgraph.payments.api.events.PaymentFailed;
import io.shopgraph.payments.api.events.PaymentProcessing;
import io.shopgraph.payments.api.events.PaymentSucceeded;
import io.shopgraph.payments.domain.PaymentTransitions;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventPublisher;

/**
 * The one writer of a payment's status, shared by the merchant's markPaid, cancel, the synchronous Stripe
 * confirmation, the webhook and the reconciler. It locks the payment row, asks {@link PaymentTransitions}
 * whether the change applies, and only then updates the row and records the event of the new status in the
 * same transaction: two racing callers (a webhook and the client's confirmation) serialise on the lock, and
 * the second finds the status already set and publishes nothing, so a status is entered once, with one event.
 */
@ApplicationScoped
public class PaymentStatusWriter {

    /** The payment after the request, and whether this call changed it. */
    public record Result(PaymentRow payment, boolean applied) {
    }

    private final EntityManager em;
    private final PaymentRecords records;
    private final EventPublisher events;

    PaymentStatusWriter(EntityManager em, PaymentRecords records, EventPublisher events) {
        this.em = em;
        this.records = records;
        this.events = events;
    }

    /**
     * Moves the payment to {@code target} if the rules allow. {@code providerEventAt} is the provider's time of
     * the event that asks (null for our own requests); {@code capturedMinor} is what was captured on success
     * (null: the whole amount); {@code reason} goes with failures and cancellations.
     */
    @Transactional
    public Optional<Result> transition(UUID paymentId, PaymentStatus target, Instant providerEventAt, Long capturedMinor, String reason) {
        Optional<PaymentRow> locked = records.lock(paymentId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        PaymentRow current = locked.get();
        if (PaymentTransitions.decide(current.status(), current.providerEventAt(), target, providerEventAt)
                == PaymentTransitions.Decision.IGNORE) {
            return Optional.of(new Result(current, false));
        }
        Instant now = Instant.now();
        long captured = target == PaymentStatus.SUCCEEDED
                ? Math.min(current.amountMinor(), capturedMinor == null ? current.amountMinor() : capturedMinor)
                : current.capturedMinor();
        String cleanReason = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        // Two statements rather than a null parameter: PostgreSQL cannot type a bare null bind.
        String eventAt = providerEventAt == null ? "" : "provider_event_at = greatest(provider_event_at, :at), ";
        var update = em.createNativeQuery("update payments.payment set status = :status, captured_minor = :captured, "
                + "failure_reason = :reason, " + eventAt + "updated_at = :now where store_id = :store and id = :id")
                .setParameter("status", target.name()).setParameter("captured", captured)
                .setParameter("reason", target == PaymentStatus.FAILED || target == PaymentStatus.CANCELED ? cleanReason : null)
                .setParameter("now", now).setParameter("store", records.store()).setParameter("id", paymentId);
        if (providerEventAt != null) {
            update.setParameter("at", providerEventAt);
        }
        update.executeUpdate();
        events.publish(event(current, target, captured, cleanReason, now));
        return Optional.of(new Result(records.lock(paymentId).orElseThrow(), true));
    }

    private static DomainEvent event(PaymentRow p, PaymentStatus target, long captured, String reason, Instant at) {
        return switch (target) {
            case PROCESSING -> new PaymentProcessing(p.id(), p.referenceId(), p.amountMinor(), p.currencyCode(), at);
            case SUCCEEDED -> new PaymentSucceeded(p.id(), p.referenceId(), captured, p.currencyCode(), at);
            case FAILED -> new PaymentFailed(p.id(), p.referenceId(), reason, at);
            case CANCELED -> new PaymentCanceled(p.id(), p.referenceId(), reason, at);
            case PENDING -> throw new IllegalStateException("Nothing moves back to PENDING");
        };
    }
}
