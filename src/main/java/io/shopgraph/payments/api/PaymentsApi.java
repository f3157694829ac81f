package io.shopgraph.payments.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (checkout, orders) may ask of payments, for the current store. Runs in the caller's
 * transaction where it only writes rows (the manual provider). Methods that call Stripe ({@code start},
 * {@code refresh}, {@code cancel}, {@code refund} of a Stripe payment) must be called with no transaction open:
 * they write in short transactions of their own around the call and refuse (IllegalStateException) otherwise,
 * so that no connection or row lock waits on Stripe. Checkout therefore commits its order, then starts the payment. Payment status has one writer inside this module: the
 * idempotent transition shared by the webhook, the synchronous path and the reconciler.
 */
public interface PaymentsApi {

    /** Which provider the current store's payments use, and what a storefront needs to show it. */
    PaymentSettingsView settings();

    /**
     * Starts (or, for the same reference and idempotency key, returns again) the payment of an amount with the
     * store's provider: with Stripe a PaymentIntent whose client secret the shopper's browser completes; with
     * the manual provider a pending payment that {@link #markPaid} completes.
     */
    PaymentView start(PaymentRequest request);

    /**
     * The synchronous confirmation: after the shopper's browser confirmed with Stripe.js, asks Stripe for the
     * payment's current status and applies it through the same one writer as the webhook (whichever comes
     * first enters the status; the other changes nothing). With the manual provider it only reads.
     */
    PaymentOutcome refresh(UUID paymentId);

    /** The payments of these references (e.g. order ids), oldest first, in one statement. */
    Map<UUID, List<PaymentView>> byReferences(Collection<UUID> referenceIds);

    Optional<PaymentView> payment(UUID paymentId);

    /** Manual provider only: the merchant records that the money arrived. Idempotent. */
    PaymentOutcome markPaid(UUID paymentId);

    /** Cancels a payment that has not succeeded (an order cancelled or expired before payment). Idempotent. */
    PaymentOutcome cancel(UUID paymentId);

    /**
     * Refunds part or all of a succeeded payment: never more than captured minus already refunded, even under
     * concurrent calls; the same idempotency key returns the same refund.
     */
    RefundOutcome refund(RefundRequest request);

    /**
     * The first half of a refund, in the caller's transaction: holds the amount under the payment's lock (never
     * more than captured minus refunded and held, even under concurrent calls). The manual provider's refund
     * succeeds at once; a Stripe refund stays PENDING until {@link #settleRefund}. The same idempotency key
     * returns the same refund.
     */
    RefundOutcome holdRefund(RefundRequest request);

    /**
     * The second half, with no transaction open: asks the provider to make a held refund (Stripe's idempotency key
     * derives from the refund id, so asking twice refunds once), then settles it: SUCCEEDED, or FAILED with its
     * amount released. Still PENDING when the provider's answer never came (the reconciler asks again). A refund
     * that is no longer PENDING is returned as it is. Each outcome is published ({@code PaymentRefunded},
     * {@code PaymentRefundFailed}).
     */
    RefundOutcome settleRefund(UUID refundId);

    /** Every refund of the payments of these references, oldest first, in one statement. */
    Map<UUID, List<RefundView>> refundsByReferences(Collection<UUID> referenceIds);
}
