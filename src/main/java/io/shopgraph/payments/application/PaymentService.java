package io.shopgraph.payments.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.payments.api.PaymentErrorCode;
import io.shopgraph.payments.api.PaymentOutcome;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentSettingsView;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.api.RefundOutcome;
import io.shopgraph.payments.api.RefundRequest;
import io.shopgraph.payments.domain.PaymentException;
import io.shopgraph.payments.domain.PaymentRules;
import io.shopgraph.payments.domain.RefundRules;

/**
 * {@link PaymentsApi} for the current store. With the manual provider every method only writes rows and
 * joins the caller's transaction (checkout may start a payment in the transaction that creates its order).
 */
@ApplicationScoped
public class PaymentService implements PaymentsApi {

    private final PaymentRecords records;
    private final PaymentStatusWriter writer;
    private final RefundLedger refunds;
    private final EntityManager em;

    PaymentService(PaymentRecords records, PaymentStatusWriter writer, RefundLedger refunds, EntityManager em) {
        this.records = records;
        this.writer = writer;
        this.refunds = refunds;
        this.em = em;
    }

    @Override
    @Transactional
    public PaymentSettingsView settings() {
        @SuppressWarnings("unchecked")
        List<Object> keys = em.createNativeQuery("select publishable_key from payments.stripe_account where store_id = :store")
                .setParameter("store", records.store()).getResultList();
        return keys.isEmpty() ? new PaymentSettingsView(PaymentProvider.MANUAL, null)
                : new PaymentSettingsView(PaymentProvider.STRIPE, (String) keys.get(0));
    }

    @Override
    @Transactional
    public PaymentView start(PaymentRequest request) {
        String problem = request.referenceId() == null ? "A payment needs a reference."
                : PaymentRules.problem(request.amountMinor(), request.currencyCode(), request.idempotencyKey(), request.description());
        if (problem != null) {
            throw new PaymentException(PaymentErrorCode.INVALID_REQUEST, problem);
        }
        PaymentRow row = records.insertPending(request, settings().provider());
        if (!row.referenceId().equals(request.referenceId()) || row.amountMinor() != request.amountMinor()
                || !row.currencyCode().equals(request.currencyCode())) {
            throw new PaymentException(PaymentErrorCode.IDEMPOTENCY_KEY_MISMATCH,
                    "This idempotency key started a payment of another reference or amount.");
        }
        return row.view(null);
    }

    @Override
    @Transactional
    public Map<UUID, List<PaymentView>> byReferences(Collection<UUID> referenceIds) {
        Map<UUID, List<PaymentView>> result = new LinkedHashMap<>();
        if (referenceIds.isEmpty()) {
            return result;
        }
        for (PaymentRow row : records.byReferences(referenceIds)) {
            result.computeIfAbsent(row.referenceId(), k -> new java.util.ArrayList<>()).add(row.view(null));
        }
        return result;
    }

    @Override
    @Transactional
    public Optional<PaymentView> payment(UUID paymentId) {
        return records.find(paymentId).map(row -> row.view(null));
    }

    @Override
    @Transactional
    public PaymentOutcome markPaid(UUID paymentId) {
        Optional<PaymentRow> row = records.find(paymentId);
        if (row.isEmpty()) {
            return new PaymentOutcome(null, PaymentErrorCode.NOT_FOUND);
        }
        if (row.get().provider() != PaymentProvider.MANUAL || row.get().status() == PaymentStatus.CANCELED) {
            return new PaymentOutcome(row.get().view(null), PaymentErrorCode.INVALID_STATE);
        }
        PaymentRow after = writer.transition(paymentId, PaymentStatus.SUCCEEDED, null, null, null).orElseThrow().payment();
        return new PaymentOutcome(after.view(null), null);
    }

    @Override
    @Transactional
    public PaymentOutcome cancel(UUID paymentId) {
        Optional<PaymentRow> row = records.find(paymentId);
        if (row.isEmpty()) {
            return new PaymentOutcome(null, PaymentErrorCode.NOT_FOUND);
        }
        if (row.get().status() == PaymentStatus.SUCCEEDED) {
            return new PaymentOutcome(row.get().view(null), PaymentErrorCode.INVALID_STATE);
        }
        PaymentStatusWriter.Result result = writer.transition(paymentId, PaymentStatus.CANCELED, null, null, "canceled").orElseThrow();
        if (!result.applied() && result.payment().status() != PaymentStatus.CANCELED) {
            return new PaymentOutcome(result.payment().view(null), PaymentErrorCode.INVALID_STATE);
        }
        return new PaymentOutcome(result.payment().view(null), null);
    }

    @Override
    @Transactional
    public RefundOutcome refund(RefundRequest request) {
        if (request.paymentId() == null || request.amountMinor() <= 0 || request.amountMinor() > PaymentRules.MAX_AMOUNT_MINOR
                || request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                || request.idempotencyKey().length() > PaymentRules.MAX_IDEMPOTENCY_KEY
                || (request.reason() != null && request.reason().length() > RefundRules.MAX_REASON)) {
            return new RefundOutcome(null, PaymentErrorCode.INVALID_REQUEST);
        }
        RefundLedger.Hold hold = refunds.hold(request, true);
        return new RefundOutcome(hold.refund(), hold.error());
    }
}
