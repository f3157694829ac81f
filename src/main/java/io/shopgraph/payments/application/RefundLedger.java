package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.payments.api.PaymentErrorCode;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.RefundRequest;
import io.shopgraph.payments.api.RefundView;
import io.shopgraph.payments.api.events.PaymentRefundFailed;
import io.shopgraph.payments.api.events.PaymentRefunded;
import io.shopgraph.payments.domain.RefundRules;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.Ids;

/**
 * Refund rows and the refunded total of their payment. A refund first <em>holds</em> its amount: under the
 * payment's row lock, checked against captured minus refunded, it adds to {@code refunded_minor} and writes
 * the refund row in one transaction; concurrent refunds serialise on the lock, so their sum never exceeds the
 * capture (and the table's CHECK says so again). The manual provider's refund succeeds at once; a Stripe
 * refund stays PENDING until Stripe answers, outside any transaction, and then {@link #complete} or
 * {@link #release} settles it.
 */
@ApplicationScoped
class RefundLedger {

    static final String COLUMNS = "r.id, r.payment_id, p.reference_id, r.amount_minor, r.currency_code, r.status, r.provider_reference, "
            + "r.created_at, r.idempotency_key";

    /** A held refund, or why none was held; {@code replayed} when the idempotency key had been used already. */
    record Hold(RefundView refund, PaymentRow payment, PaymentErrorCode error, boolean replayed) {
    }

    private final EntityManager em;
    private final PaymentRecords records;
    private final EventPublisher events;

    RefundLedger(EntityManager em, PaymentRecords records, EventPublisher events) {
        this.em = em;
        this.records = records;
        this.events = events;
    }

    /**
     * Holds the amount of a refund, joining the caller's transaction; the manual provider's refund succeeds in the
     * same step (there is nobody to ask), a Stripe refund stays PENDING.
     */
    @Transactional
    Hold hold(RefundRequest request) {
        Optional<PaymentRow> locked = records.lock(request.paymentId());
        if (locked.isEmpty()) {
            return new Hold(null, null, PaymentErrorCode.NOT_FOUND, false);
        }
        PaymentRow payment = locked.get();
        boolean settled = payment.provider() == io.shopgraph.payments.api.PaymentProvider.MANUAL;
        // Checked under the lock: a concurrent call with the same key has committed (or not started) by now.
        Optional<Object[]> existing = byKey(request.idempotencyKey());
        if (existing.isPresent()) {
            RefundView refund = view(existing.get());
            boolean same = refund.paymentId().equals(request.paymentId()) && refund.amountMinor() == request.amountMinor();
            return same ? new Hold(refund, payment, null, true) : new Hold(null, payment, PaymentErrorCode.IDEMPOTENCY_KEY_MISMATCH, false);
        }
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            return new Hold(null, payment, PaymentErrorCode.INVALID_STATE, false);
        }
        if (!RefundRules.fits(request.amountMinor(), payment.capturedMinor(), payment.refundedMinor())) {
            return new Hold(null, payment, PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED, false);
        }
        Instant now = Instant.now();
        UUID id = Ids.newId();
        int inserted = em.createNativeQuery("insert into payments.refund (store_id, id, payment_id, amount_minor, currency_code, status, "
                + "idempotency_key, reason, created_at, updated_at) values (:store, :id, :payment, :amount, :currency, :status, :key, "
                + ":reason, :now, :now) on conflict (store_id, idempotency_key) do nothing")
                .setParameter("store", records.store()).setParameter("id", id).setParameter("payment", payment.id())
                .setParameter("amount", request.amountMinor()).setParameter("currency", payment.currencyCode())
                .setParameter("status", settled ? "SUCCEEDED" : "PENDING").setParameter("key", request.idempotencyKey())
                .setParameter("reason", request.reason()).setParameter("now", now).executeUpdate();
        if (inserted == 0) { // the key was taken meanwhile by a refund of another payment
            return new Hold(null, payment, PaymentErrorCode.IDEMPOTENCY_KEY_MISMATCH, false);
        }
        long refunded = addRefunded(payment.id(), request.amountMinor());
        RefundView refund = view(byKey(request.idempotencyKey()).orElseThrow());
        if (settled) {
            events.publish(new PaymentRefunded(payment.id(), payment.referenceId(), id, request.amountMinor(), refunded,
                    payment.currencyCode(), now));
        }
        return new Hold(refund, payment, null, false);
    }

    /** Stripe accepted a held refund: it succeeds, with Stripe's refund id, and its event is recorded. Idempotent. */
    @Transactional
    Optional<RefundView> complete(UUID refundId, String providerReference) {
        Optional<Object[]> row = byId(refundId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        PaymentRow payment = records.lock(PaymentRow.uuid(row.get()[1])).orElseThrow();
        int updated = em.createNativeQuery("update payments.refund set status = 'SUCCEEDED', provider_reference = :ref, updated_at = now() "
                + "where store_id = :store and id = :id and status = 'PENDING'").setParameter("ref", providerReference)
                .setParameter("store", records.store()).setParameter("id", refundId).executeUpdate();
        RefundView refund = view(byId(refundId).orElseThrow());
        if (updated == 1) {
            events.publish(new PaymentRefunded(payment.id(), payment.referenceId(), refundId, refund.amountMinor(),
                    payment.refundedMinor(), payment.currencyCode(), Instant.now()));
        }
        return Optional.of(refund);
    }

    /** Stripe refused a held refund: it fails and its amount is refundable again. Idempotent. */
    @Transactional
    Optional<RefundView> release(UUID refundId) {
        Optional<Object[]> row = byId(refundId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        PaymentRow payment = records.lock(PaymentRow.uuid(row.get()[1])).orElseThrow();
        int updated = em.createNativeQuery("update payments.refund set status = 'FAILED', updated_at = now() "
                + "where store_id = :store and id = :id and status = 'PENDING'")
                .setParameter("store", records.store()).setParameter("id", refundId).executeUpdate();
        if (updated == 1) {
            long amount = ((Number) row.get()[3]).longValue();
            addRefunded(payment.id(), -amount);
            events.publish(new PaymentRefundFailed(payment.id(), payment.referenceId(), refundId, amount, payment.currencyCode(),
                    Instant.now()));
        }
        return Optional.of(view(byId(refundId).orElseThrow()));
    }

    @Transactional
    Optional<RefundView> find(UUID refundId) {
        return byId(refundId).map(RefundLedger::view);
    }

    /** The refunds of the payments of these references, oldest first. */
    @Transactional
    List<RefundView> byReferences(java.util.Collection<UUID> referenceIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.refund r join payments.payment p "
                + "on p.store_id = r.store_id and p.id = r.payment_id where r.store_id = :store and p.reference_id in (:refs) "
                + "order by r.created_at, r.id").setParameter("store", records.store()).setParameter("refs", referenceIds).getResultList();
        return rows.stream().map(RefundLedger::view).toList();
    }

    @Transactional
    List<RefundView> ofPayment(UUID paymentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.refund r join payments.payment p "
                + "on p.store_id = r.store_id and p.id = r.payment_id where r.store_id = :store and r.payment_id = :payment "
                + "order by r.created_at, r.id").setParameter("store", records.store()).setParameter("payment", paymentId).getResultList();
        return rows.stream().map(RefundLedger::view).toList();
    }

    /** Refunds held longer than {@code minAge}: Stripe's answer never came (timeout, crash). Oldest first. */
    @Transactional
    List<RefundView> stuck(java.time.Duration minAge, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.refund r join payments.payment p "
                + "on p.store_id = r.store_id and p.id = r.payment_id where r.store_id = :store and r.status = 'PENDING' "
                + "and r.updated_at < :before order by r.updated_at limit :limit").setParameter("store", records.store())
                .setParameter("before", Instant.now().minus(minAge)).setParameter("limit", limit).getResultList();
        return rows.stream().map(RefundLedger::view).toList();
    }

    /** Adds to the payment's refunded total (the caller holds its lock) and returns the new total. */
    long addRefunded(UUID paymentId, long delta) {
        Object total = em.createNativeQuery("update payments.payment set refunded_minor = refunded_minor + :d, updated_at = now() "
                + "where store_id = :store and id = :id returning refunded_minor").setParameter("d", delta)
                .setParameter("store", records.store()).setParameter("id", paymentId).getSingleResult();
        return ((Number) total).longValue();
    }

    private Optional<Object[]> byKey(String key) {
        return one("r.idempotency_key = :v", key);
    }

    Optional<Object[]> byId(UUID id) {
        return one("r.id = :v", id);
    }

    private Optional<Object[]> one(String where, Object value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.refund r join payments.payment p "
                + "on p.store_id = r.store_id and p.id = r.payment_id where r.store_id = :store and " + where)
                .setParameter("store", records.store()).setParameter("v", value).getResultList();
        return rows.stream().findFirst();
    }

    static RefundView view(Object[] r) {
        return new RefundView(PaymentRow.uuid(r[0]), PaymentRow.uuid(r[1]), PaymentRow.uuid(r[2]), ((Number) r[3]).longValue(),
                ((String) r[4]).trim(), (String) r[5], (String) r[6], PaymentRow.instant(r[7]));
    }
}
