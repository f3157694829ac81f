package io.shopgraph.payments.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

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
import io.shopgraph.payments.api.RefundView;
import io.shopgraph.payments.domain.PaymentException;
import io.shopgraph.payments.domain.PaymentRules;
import io.shopgraph.payments.domain.RefundRules;

/**
 * {@link PaymentsApi} for the current store. With the manual provider every method only writes rows and joins
 * the caller's transaction (checkout may start a payment in the transaction that creates its order). With
 * Stripe, {@code start}, {@code refresh}, {@code cancel} and {@code refund} call Stripe and must be called
 * with <em>no</em> transaction open: each writes its rows in short transactions of its own before and after
 * the call (a held refund, a pending payment), so no database connection or row lock waits on Stripe.
 */
@ApplicationScoped
public class PaymentService implements PaymentsApi {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final PaymentRecords records;
    private final PaymentStatusWriter writer;
    private final RefundLedger refunds;
    private final StripeAccounts accounts;
    private final StripeGateway stripe;
    private final SecretCipher cipher;
    private final TransactionManager transactions;

    PaymentService(PaymentRecords records, PaymentStatusWriter writer, RefundLedger refunds, StripeAccounts accounts,
            StripeGateway stripe, SecretCipher cipher, TransactionManager transactions) {
        this.records = records;
        this.writer = writer;
        this.refunds = refunds;
        this.accounts = accounts;
        this.stripe = stripe;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    @Override
    @Transactional
    public PaymentSettingsView settings() {
        return accounts.publishableKey().map(pk -> new PaymentSettingsView(PaymentProvider.STRIPE, pk))
                .orElseGet(() -> new PaymentSettingsView(PaymentProvider.MANUAL, null));
    }

    @Override
    public PaymentView start(PaymentRequest request) {
        String problem = request.referenceId() == null ? "A payment needs a reference."
                : PaymentRules.problem(request.amountMinor(), request.currencyCode(), request.idempotencyKey(), request.description());
        if (problem != null) {
            throw new PaymentException(PaymentErrorCode.INVALID_REQUEST, problem);
        }
        PaymentProvider provider = settings().provider();
        if (provider == PaymentProvider.STRIPE) {
            requireNoTransaction("start a Stripe payment");
        }
        PaymentRow row = records.insertPending(request, provider);
        if (!row.referenceId().equals(request.referenceId()) || row.amountMinor() != request.amountMinor()
                || !row.currencyCode().equals(request.currencyCode())) {
            throw new PaymentException(PaymentErrorCode.IDEMPOTENCY_KEY_MISMATCH,
                    "This idempotency key started a payment of another reference or amount.");
        }
        if (row.provider() == PaymentProvider.MANUAL || row.providerReference() != null || PaymentStatusRules.settled(row)) {
            return view(row);
        }
        requireNoTransaction("start a Stripe payment");
        StripeAccounts.Credentials credentials = accounts.credentials()
                .orElseThrow(() -> new PaymentException(PaymentErrorCode.PROVIDER_ERROR, "The store's Stripe account is not connected."));
        Map<String, String> metadata = new HashMap<>(request.metadata());
        metadata.put(StripeGateway.PAYMENT_ID_METADATA, row.id().toString());
        metadata.put("shopgraph_reference_id", row.referenceId().toString());
        StripeGateway.Intent intent;
        try {
            // Stripe's idempotency key is our payment id: a retry after a crash or timeout gets the same PaymentIntent.
            intent = stripe.createIntent(credentials.secretKey(), row.amountMinor(), row.currencyCode(), request.description(), metadata,
                    "shopgraph-payment-" + row.id());
        } catch (StripeGateway.StripeFailure e) {
            LOG.warnf("payment %s: %s", row.id(), e.getMessage());
            throw new PaymentException(PaymentErrorCode.PROVIDER_ERROR, "Stripe could not start the payment; try again.");
        }
        String sealed = intent.clientSecret() == null ? null : cipher.encrypt(intent.clientSecret(), clientSecretContext(row.id()));
        PaymentRow attached = records.attachIntent(row.id(), intent.id(), sealed);
        return view(applyIntent(attached, intent).orElse(attached));
    }

    /**
     * The synchronous confirmation (ADDED to the API's contract here): after Stripe.js confirmed, the caller asks
     * Stripe for the PaymentIntent and its status goes through the one writer, exactly like the webhook's. With the
     * manual provider it only reads. Call it with no transaction open.
     */
    @Override
    public PaymentOutcome refresh(UUID paymentId) {
        Optional<PaymentRow> row = records.find(paymentId);
        if (row.isEmpty()) {
            return new PaymentOutcome(null, PaymentErrorCode.NOT_FOUND);
        }
        if (row.get().provider() == PaymentProvider.MANUAL || row.get().providerReference() == null) {
            return new PaymentOutcome(view(row.get()), null);
        }
        requireNoTransaction("ask Stripe about a payment");
        Optional<StripeAccounts.Credentials> credentials = accounts.credentials();
        if (credentials.isEmpty()) {
            return new PaymentOutcome(view(row.get()), PaymentErrorCode.PROVIDER_ERROR);
        }
        try {
            StripeGateway.Intent intent = stripe.retrieveIntent(credentials.get().secretKey(), row.get().providerReference());
            return new PaymentOutcome(view(applyIntent(row.get(), intent).orElse(row.get())), null);
        } catch (StripeGateway.StripeFailure e) {
            LOG.warnf("payment %s: %s", paymentId, e.getMessage());
            return new PaymentOutcome(view(row.get()), PaymentErrorCode.PROVIDER_ERROR);
        }
    }

    /** A PaymentIntent's status, through the one writer; empty when it asks for no change of ours. */
    Optional<PaymentRow> applyIntent(PaymentRow row, StripeGateway.Intent intent) {
        PaymentStatus target = PaymentStatusRules.fromStripe(intent.status(), intent.failureMessage() != null);
        if (target == null) {
            return Optional.empty();
        }
        return writer.transition(row.id(), target, null, intent.amountReceived(), intent.failureMessage())
                .map(PaymentStatusWriter.Result::payment);
    }

    @Override
    @Transactional
    public Map<UUID, List<PaymentView>> byReferences(Collection<UUID> referenceIds) {
        Map<UUID, List<PaymentView>> result = new LinkedHashMap<>();
        if (referenceIds.isEmpty()) {
            return result;
        }
        for (PaymentRow row : records.byReferences(referenceIds)) {
            result.computeIfAbsent(row.referenceId(), k -> new ArrayList<>()).add(view(row));
        }
        return result;
    }

    @Override
    @Transactional
    public Optional<PaymentView> payment(UUID paymentId) {
        return records.find(paymentId).map(this::view);
    }

    @Override
    @Transactional
    public PaymentOutcome markPaid(UUID paymentId) {
        Optional<PaymentRow> row = records.find(paymentId);
        if (row.isEmpty()) {
            return new PaymentOutcome(null, PaymentErrorCode.NOT_FOUND);
        }
        if (row.get().provider() != PaymentProvider.MANUAL || row.get().status() == PaymentStatus.CANCELED) {
            return new PaymentOutcome(view(row.get()), PaymentErrorCode.INVALID_STATE);
        }
        PaymentRow after = writer.transition(paymentId, PaymentStatus.SUCCEEDED, null, null, null).orElseThrow().payment();
        return new PaymentOutcome(view(after), null);
    }

    @Override
    public PaymentOutcome cancel(UUID paymentId) {
        Optional<PaymentRow> row = records.find(paymentId);
        if (row.isEmpty()) {
            return new PaymentOutcome(null, PaymentErrorCode.NOT_FOUND);
        }
        if (row.get().status() == PaymentStatus.SUCCEEDED) {
            return new PaymentOutcome(view(row.get()), PaymentErrorCode.INVALID_STATE);
        }
        if (row.get().provider() == PaymentProvider.STRIPE && row.get().providerReference() != null
                && row.get().status() != PaymentStatus.CANCELED) {
            requireNoTransaction("cancel a Stripe payment");
            Optional<StripeAccounts.Credentials> credentials = accounts.credentials();
            if (credentials.isEmpty()) {
                return new PaymentOutcome(view(row.get()), PaymentErrorCode.PROVIDER_ERROR);
            }
            try {
                StripeGateway.Intent intent = stripe.cancelIntent(credentials.get().secretKey(), row.get().providerReference(),
                        "shopgraph-cancel-" + paymentId);
                Optional<PaymentRow> after = applyIntent(row.get(), intent);
                PaymentRow now = after.orElse(records.find(paymentId).orElseThrow());
                return new PaymentOutcome(view(now), now.status() == PaymentStatus.CANCELED ? null : PaymentErrorCode.INVALID_STATE);
            } catch (StripeGateway.StripeFailure e) {
                // Stripe refuses to cancel a PaymentIntent that succeeded meanwhile: learn its real status instead.
                LOG.warnf("payment %s: %s", paymentId, e.getMessage());
                PaymentOutcome refreshed = refresh(paymentId);
                return new PaymentOutcome(refreshed.payment(), PaymentErrorCode.PROVIDER_ERROR);
            }
        }
        PaymentStatusWriter.Result result = writer.transition(paymentId, PaymentStatus.CANCELED, null, null, "canceled").orElseThrow();
        if (!result.applied() && result.payment().status() != PaymentStatus.CANCELED) {
            return new PaymentOutcome(view(result.payment()), PaymentErrorCode.INVALID_STATE);
        }
        return new PaymentOutcome(view(result.payment()), null);
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        Optional<PaymentRow> payment = request.paymentId() == null ? Optional.empty() : records.find(request.paymentId());
        if (payment.isPresent() && payment.get().provider() != PaymentProvider.MANUAL) {
            requireNoTransaction("refund a Stripe payment");
        }
        RefundOutcome held = holdRefund(request);
        if (held.error() != null || !"PENDING".equals(held.refund().status())) {
            return held;
        }
        return settleRefund(held.refund().id());
    }

    @Override
    public RefundOutcome holdRefund(RefundRequest request) {
        if (request.paymentId() == null || request.amountMinor() <= 0 || request.amountMinor() > PaymentRules.MAX_AMOUNT_MINOR
                || request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                || request.idempotencyKey().length() > PaymentRules.MAX_IDEMPOTENCY_KEY
                || (request.reason() != null && request.reason().length() > RefundRules.MAX_REASON)) {
            return new RefundOutcome(null, PaymentErrorCode.INVALID_REQUEST);
        }
        RefundLedger.Hold hold = refunds.hold(request);
        return new RefundOutcome(hold.refund(), hold.error());
    }

    @Override
    public RefundOutcome settleRefund(UUID refundId) {
        Optional<RefundView> held = refunds.find(refundId);
        if (held.isEmpty()) {
            return new RefundOutcome(null, PaymentErrorCode.NOT_FOUND);
        }
        if (!"PENDING".equals(held.get().status())) {
            return new RefundOutcome(held.get(), null);
        }
        requireNoTransaction("refund a Stripe payment");
        String intentId = records.find(held.get().paymentId()).map(PaymentRow::providerReference).orElse(null);
        return settleAtStripe(held.get(), intentId);
    }

    @Override
    @Transactional
    public Map<UUID, List<RefundView>> refundsByReferences(Collection<UUID> referenceIds) {
        Map<UUID, List<RefundView>> result = new LinkedHashMap<>();
        if (referenceIds.isEmpty()) {
            return result;
        }
        for (RefundView refund : refunds.byReferences(referenceIds)) {
            result.computeIfAbsent(refund.referenceId(), k -> new ArrayList<>()).add(refund);
        }
        return result;
    }

    /**
     * Asks Stripe to make a held refund (new, a replay of one whose answer never came, or one the reconciler found
     * stuck), with our refund id as Stripe's idempotency key, so asking twice refunds once; then settles it.
     */
    RefundOutcome settleAtStripe(RefundView held, String intentId) {
        UUID refundId = held.id();
        Optional<StripeAccounts.Credentials> credentials = accounts.credentials();
        if (credentials.isEmpty() || intentId == null) {
            return new RefundOutcome(refunds.release(refundId).orElseThrow(), PaymentErrorCode.PROVIDER_ERROR);
        }
        try {
            StripeGateway.StripeRefund done = stripe.createRefund(credentials.get().secretKey(), intentId, held.amountMinor(),
                    Map.of(StripeGateway.REFUND_ID_METADATA, refundId.toString()), "shopgraph-refund-" + refundId);
            if ("failed".equals(done.status()) || "canceled".equals(done.status())) {
                return new RefundOutcome(refunds.release(refundId).orElseThrow(), PaymentErrorCode.PROVIDER_ERROR);
            }
            return new RefundOutcome(refunds.complete(refundId, done.id()).orElseThrow(), null);
        } catch (StripeGateway.StripeFailure e) {
            LOG.warnf("refund %s: %s", refundId, e.getMessage());
            // Refused: the amount is refundable again. Unknown (timeout): it stays held, and the same key retries it.
            return new RefundOutcome(e.definitive() ? refunds.release(refundId).orElseThrow() : held, PaymentErrorCode.PROVIDER_ERROR);
        }
    }

    /** The reconciler's retry of refunds held too long; returns how many were settled either way. */
    int settleStuckRefunds(java.time.Duration minAge, int limit) {
        int settled = 0;
        for (RefundView held : refunds.stuck(minAge, limit)) {
            String intentId = records.find(held.paymentId()).map(PaymentRow::providerReference).orElse(null);
            if (intentId != null && !"PENDING".equals(settleAtStripe(held, intentId).refund().status())) {
                settled++;
            }
        }
        return settled;
    }

    private PaymentView view(PaymentRow row) {
        String secret = row.clientSecretEnc() != null && row.awaitsShopper()
                ? cipher.decrypt(row.clientSecretEnc(), clientSecretContext(row.id())) : null;
        return row.view(secret);
    }

    private String clientSecretContext(UUID paymentId) {
        return "payments/stripe/client-secret/" + records.store() + "/" + paymentId;
    }

    private void requireNoTransaction(String what) {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                throw new IllegalStateException("Call PaymentsApi to " + what + " outside any transaction: Stripe is called, "
                        + "and no database transaction may wait on it");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
