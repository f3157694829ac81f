package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The payments.payment rows of the current store: insert (idempotent by key), reads, and the row lock the
 * status writer and the refund ledger take. Every method joins the caller's transaction or opens one.
 */
@ApplicationScoped
class PaymentRecords {

    static final String COLUMNS = "id, reference_id, provider, status, amount_minor, captured_minor, refunded_minor, currency_code, "
            + "idempotency_key, description, provider_reference, client_secret_enc, provider_event_at, dispute_status, created_at, updated_at";

    private final NativeRows db;
    private final TenantContext tenant;

    PaymentRecords(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    UUID store() {
        return tenant.store().orElseThrow(() -> new IllegalStateException("Payments act for a store; none is bound")).value();
    }

    /**
     * Inserts a PENDING payment for the request unless one with its idempotency key exists, and returns the
     * row for that key either way. A concurrent insert of the same key waits for the first to commit and then
     * finds it (ON CONFLICT DO NOTHING), so two racing starts give one payment.
     */
    @Transactional
    PaymentRow insertPending(PaymentRequest request, PaymentProvider provider) {
        Instant now = Instant.now();
        db.sql("insert into payments.payment (store_id, id, reference_id, provider, status, amount_minor, currency_code, "
                + "idempotency_key, description, created_at, updated_at) values (:store, :id, :ref, :provider, 'PENDING', :amount, "
                + ":currency, :key, :description, :now, :now) on conflict (store_id, idempotency_key) do nothing")
                .param("store", store()).param("id", Ids.newId()).param("ref", request.referenceId())
                .param("provider", provider.name()).param("amount", request.amountMinor())
                .param("currency", request.currencyCode()).param("key", request.idempotencyKey())
                .param("description", request.description()).param("now", now).update();
        return byKey(request.idempotencyKey()).orElseThrow();
    }

    @Transactional
    Optional<PaymentRow> byKey(String idempotencyKey) {
        return one("idempotency_key = :v", idempotencyKey, false);
    }

    @Transactional
    Optional<PaymentRow> find(UUID id) {
        return one("id = :v", id, false);
    }

    /** The row, locked until the caller's transaction ends: the one status writer and the refund ledger serialise on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<PaymentRow> lock(UUID id) {
        return one("id = :v", id, true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<PaymentRow> lockByProviderReference(String providerReference) {
        return one("provider_reference = :v", providerReference, true);
    }

    @Transactional
    List<PaymentRow> byReferences(Collection<UUID> referenceIds) {
        List<Object[]> rows = db.sql("select " + COLUMNS + " from payments.payment where store_id = :store "
                + "and reference_id in (:refs) order by created_at, id").param("store", store())
                .param("refs", List.copyOf(referenceIds)).list();
        return rows.stream().map(PaymentRow::of).toList();
    }

    /** Stores the PaymentIntent of a payment (the first one stored wins: Stripe's idempotency gives the same one anyway). */
    @Transactional
    PaymentRow attachIntent(UUID paymentId, String intentId, String clientSecretEnc) {
        db.sql("update payments.payment set provider_reference = :ref, client_secret_enc = coalesce(:secret, client_secret_enc), "
                + "updated_at = now() where store_id = :store and id = :id and provider_reference is null")
                .param("ref", intentId).param("secret", clientSecretEnc).param("store", store())
                .param("id", paymentId).update();
        return find(paymentId).orElseThrow();
    }

    /** Sets the provider's dispute status; whether it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean dispute(UUID paymentId, String status) {
        return db.sql("update payments.payment set dispute_status = :status, updated_at = now() where store_id = :store "
                + "and id = :id and dispute_status is distinct from :status").param("status", status)
                .param("store", store()).param("id", paymentId).update() == 1;
    }

    /** Stripe payments of the current store not final yet and unchanged for {@code minAge}, oldest first. */
    @Transactional
    List<PaymentRow> unsettled(java.time.Duration minAge, int limit) {
        List<Object[]> rows = db.sql("select " + COLUMNS + " from payments.payment where store_id = :store "
                + "and provider = 'STRIPE' and status in ('PENDING', 'PROCESSING') and provider_reference is not null "
                + "and updated_at < :before order by updated_at limit :limit").param("store", store())
                .param("before", Instant.now().minus(minAge)).param("limit", limit).list();
        return rows.stream().map(PaymentRow::of).toList();
    }

    private Optional<PaymentRow> one(String where, Object value, boolean forUpdate) {
        List<Object[]> rows = db.sql("select " + COLUMNS + " from payments.payment where store_id = :store and " + where
                + (forUpdate ? " for update" : "")).param("store", store()).param("v", value).list();
        return rows.stream().findFirst().map(PaymentRow::of);
    }
}
