package io.shopgraph.payments.application;

import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.domain.PaymentTransitions;

/** How Stripe's PaymentIntent statuses map onto ours. */
final class PaymentStatusRules {

    private PaymentStatusRules() {
    }

    static boolean settled(PaymentRow row) {
        return PaymentTransitions.isFinal(row.status());
    }

    /**
     * Our status for a PaymentIntent status, or null when it asks for no change: requires_confirmation,
     * requires_action and a fresh requires_payment_method keep the payment PENDING. A requires_payment_method
     * with a last payment error is a failed attempt.
     */
    static PaymentStatus fromStripe(String status, boolean hasError) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "processing" -> PaymentStatus.PROCESSING;
            case "canceled" -> PaymentStatus.CANCELED;
            case "requires_payment_method" -> hasError ? PaymentStatus.FAILED : null;
            default -> null;
        };
    }
}
