package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.events.PaymentDisputed;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * Stripe's webhook for one store: the signature is verified over the raw body with the store's webhook secrets
 * (any of them, 300 s tolerance) before anything is read or written; then, in one transaction, the event id is
 * recorded (a duplicate, sequential or concurrent, finds it and is acknowledged with no effect) and the event
 * is applied through the one status writer. A failure rolls both back, so Stripe's retry applies it later.
 */
@ApplicationScoped
public class StripeWebhooks {

    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class);

    /** What the endpoint answers: 200 for applied, duplicate or ignored events, 400 for anything unverified. */
    public enum Answer {
        APPLIED(200), DUPLICATE(200), IGNORED(200), BAD_SIGNATURE(400), UNKNOWN_STORE(400);

        public final int status;

        Answer(int status) {
            this.status = status;
        }
    }

    private final TenantScope scope;
    private final StripeAccounts accounts;
    private final StripeGateway stripe;
    private final Applier applier;

    StripeWebhooks(TenantScope scope, StripeAccounts accounts, StripeGateway stripe, Applier applier) {
        this.scope = scope;
        this.accounts = accounts;
        this.stripe = stripe;
        this.applier = applier;
    }

    public Answer handle(String storeParam, String payload, String signatureHeader) {
        UUID store;
        try {
            store = UUID.fromString(storeParam);
        } catch (IllegalArgumentException e) {
            return Answer.UNKNOWN_STORE;
        }
        return scope.call(new StoreId(store), () -> {
            Optional<StripeAccounts.Credentials> credentials = accounts.credentials();
            if (credentials.isEmpty()) {
                return Answer.UNKNOWN_STORE;
            }
            StripeGateway.Event event;
            try {
                event = stripe.verify(payload, signatureHeader, credentials.get().webhookSecrets());
            } catch (StripeGateway.BadSignature e) {
                LOG.debugf("Stripe webhook for store %s refused: %s", store, e.getMessage());
                return Answer.BAD_SIGNATURE;
            }
            return applier.apply(event);
        });
    }

    /** The transaction of one verified event. */
    @ApplicationScoped
    static class Applier {

        private final EntityManager em;
        private final PaymentRecords records;
        private final PaymentStatusWriter writer;
        private final RefundLedger refunds;
        private final EventPublisher events;

        Applier(EntityManager em, PaymentRecords records, PaymentStatusWriter writer, RefundLedger refunds, EventPublisher events) {
            this.em = em;
            this.records = records;
            this.writer = writer;
            this.refunds = refunds;
            this.events = events;
        }

        @Transactional
        Answer apply(StripeGateway.Event event) {
            // A concurrent duplicate waits here for the first to commit, then inserts nothing.
            int fresh = em.createNativeQuery("insert into payments.stripe_event (store_id, event_id, type, received_at) "
                    + "values (:store, :id, :type, now()) on conflict do nothing").setParameter("store", records.store())
                    .setParameter("id", event.id()).setParameter("type", event.type()).executeUpdate();
            if (fresh == 0) {
                return Answer.DUPLICATE;
            }
            Optional<PaymentRow> payment = payment(event);
            if (payment.isEmpty()) {
                return Answer.IGNORED; // not a payment of ours (another integration on the same Stripe account)
            }
            PaymentRow row = payment.get();
            String type = event.type();
            switch (type) {
                case "payment_intent.succeeded" -> writer.transition(row.id(), PaymentStatus.SUCCEEDED, event.created(),
                        event.amountReceived() > 0 ? event.amountReceived() : null, null);
                case "payment_intent.processing" -> writer.transition(row.id(), PaymentStatus.PROCESSING, event.created(), null, null);
                case "payment_intent.payment_failed" -> writer.transition(row.id(), PaymentStatus.FAILED, event.created(), null,
                        event.failureMessage() == null ? "payment_failed" : event.failureMessage());
                case "payment_intent.canceled" -> writer.transition(row.id(), PaymentStatus.CANCELED, event.created(), null,
                        event.failureMessage() == null ? "canceled" : event.failureMessage());
                case "charge.refunded" -> refundedAtStripe(row, event);
                default -> {
                    if (type.startsWith("charge.dispute.")) {
                        disputed(row, event);
                    } else {
                        return Answer.IGNORED;
                    }
                }
            }
            return Answer.APPLIED;
        }

        private Optional<PaymentRow> payment(StripeGateway.Event event) {
            if (event.paymentId() != null) {
                try {
                    Optional<PaymentRow> byId = records.lock(UUID.fromString(event.paymentId()));
                    if (byId.isPresent()) {
                        if (byId.get().providerReference() == null && event.paymentIntentId() != null) {
                            records.attachIntent(byId.get().id(), event.paymentIntentId(), null);
                        }
                        return byId;
                    }
                } catch (IllegalArgumentException e) {
                    // not one of our ids: fall back to the PaymentIntent id
                }
            }
            return event.paymentIntentId() == null ? Optional.empty() : records.lockByProviderReference(event.paymentIntentId());
        }

        /**
         * Stripe says {@code amountRefunded} is refunded in total. Our refunds (succeeded or held) already count
         * in refunded_minor; anything beyond was refunded in Stripe's dashboard, and is recorded as a refund of
         * ours so that the total converges whichever of our call and this event arrives first.
         */
        private void refundedAtStripe(PaymentRow row, StripeGateway.Event event) {
            PaymentRow locked = records.lock(row.id()).orElseThrow();
            long extra = Math.min(event.amountRefunded(), locked.capturedMinor()) - locked.refundedMinor();
            if (extra <= 0 || locked.status() != PaymentStatus.SUCCEEDED) {
                return;
            }
            UUID id = Ids.newId();
            em.createNativeQuery("insert into payments.refund (store_id, id, payment_id, amount_minor, currency_code, status, "
                    + "idempotency_key, reason, provider_reference, created_at, updated_at) values (:store, :id, :payment, :amount, "
                    + ":currency, 'SUCCEEDED', :key, 'refunded at Stripe', :ref, now(), now())")
                    .setParameter("store", records.store()).setParameter("id", id).setParameter("payment", row.id())
                    .setParameter("amount", extra).setParameter("currency", locked.currencyCode())
                    .setParameter("key", "stripe-" + event.id()).setParameter("ref", event.chargeId()).executeUpdate();
            long total = refunds.addRefunded(row.id(), extra);
            events.publish(new io.shopgraph.payments.api.events.PaymentRefunded(row.id(), row.referenceId(), id, extra, total,
                    locked.currencyCode(), Instant.now()));
        }

        private void disputed(PaymentRow row, StripeGateway.Event event) {
            String status = event.status() == null ? event.type().substring("charge.dispute.".length()) : event.status();
            if (records.dispute(row.id(), status)) {
                events.publish(new PaymentDisputed(row.id(), row.referenceId(), status, Instant.now()));
            }
        }
    }

}
