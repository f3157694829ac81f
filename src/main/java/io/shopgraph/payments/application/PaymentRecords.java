package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The payments.payment rows of the current store: insert (idempotent by key), reads, and the row lock the
 * status writer and the refund ledger take. Every method joins the caller's transaction or opens one.
 */
@ApplicationScoped
class PaymentRecords {

    static final String COLUMNS = "id, reference_id, provider, status, amount_minor, captured_minor, refunded_minor, currency_code, "
            + "idempotency_key, description, provider_reference, client_secret_enc, provider_event_at, dispute_status, created_at, updated_at";

    private final EntityManager em;
    private final TenantContext tenant;

    PaymentRecords(EntityManager em, TenantContext tenant) {
        this.em = em;
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
        em.createNativeQuery("insert into payments.payment (store_id, id, reference_id, provider, status, amount_minor, currency_code, "
                + "idempotency_key, description, created_at, updated_at) values (:store, :id, :ref, :provider, 'PENDING', :amount, "
                + ":currency, :key, :description, :now, :now) on conflict (store_id, idempotency_key) do nothing")
                .setParameter("store", store()).setParameter("id", Ids.newId()).setParameter("ref", request.referenceId())
                .setParameter("provider", provider.name()).setParameter("amount", request.amountMinor())
                .setParameter("currency", request.currencyCode()).setParameter("key", request.idempotencyKey())
                .setParameter("description", request.description()).setParameter("now", now).executeUpdate();
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.payment where store_id = :store "
                + "and reference_id in (:refs) order by created_at, id").setParameter("store", store())
                .setParameter("refs", List.copyOf(referenceIds)).getResultList();
        return rows.stream().map(PaymentRow::of).toList();
    }

    /** Stores the PaymentIntent of a payment (the first one stored wins: Stripe's idempotency gives the same one anyway). */
    @Transactional
    PaymentRow attachIntent(UUID paymentId, String intentId, String clientSecretEnc) {
        em.createNativeQuery("update payments.payment set provider_reference = :ref, client_secret_enc = coalesce(:secret, client_secret_enc), "
                + "updated_at = now() where store_id = :store and id = :id and provider_reference is null")
                .setParameter("ref", intentId).setParameter("secret", clientSecretEnc).setParameter("store", store())
                .setParameter("id", paymentId).executeUpdate();
        return find(paymentId).orElseThrow();
    }

    /** Sets the provider's dispute status; whether it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean dispute(UUID paymentId, String status) {
        return em.createNativeQuery("update payments.payment set dispute_status = :status, updated_at = now() where store_id = :store "
                + "and id = :id and dispute_status is distinct from :status").setParameter("status", status)
                .setParameter("store", store()).setParameter("id", paymentId).executeUpdate() == 1;
    }

    /** Stripe payments of the current store not final yet and unchanged for {@code minAge}, oldest first. */
    @Transactional
    List<PaymentRow> unsettled(java.time.Duration minAge, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.payment where store_id = :store "
                + "and provider = 'STRIPE' and status in ('PENDING', 'PROCESSING') and provider_reference is not null "
                + "and updated_at < :before order by updated_at limit :limit").setParameter("store", store())
                .setParameter("before", Instant.now().minus(minAge)).setParameter("limit", limit).getResultList();
        return rows.stream().map(PaymentRow::of).toList();
    }

    private Optional<PaymentRow> one(String where, Object value, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from payments.payment where store_id = :store and " + where
                + (forUpdate ? " for update" : "")).setParameter("store", store()).setParameter("v", value).getResultList();
        return rows.stream().findFirst().map(PaymentRow::of);
    }
}
