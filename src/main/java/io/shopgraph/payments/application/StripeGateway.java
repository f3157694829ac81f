package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the payments module asks of Stripe; implemented with stripe-java in {@code infra/stripe}, the only
 * place that may import it. Every call is made outside any database transaction, with the store's own secret
 * key and an idempotency key derived from our ids. Failures arrive as {@link StripeFailure}.
 */
public interface StripeGateway {

    /** Our payment id in a PaymentIntent's metadata: a webhook finds the payment even before we stored the intent id. */
    String PAYMENT_ID_METADATA = "shopgraph_payment_id";

    /** Our refund id in a Stripe refund's metadata. */
    String REFUND_ID_METADATA = "shopgraph_refund_id";

    /** A PaymentIntent as we need it. {@code paymentId} is ours, from its metadata (null when absent). */
    record Intent(String id, String status, long amount, long amountReceived, String currency, String clientSecret,
            String paymentId, String failureMessage) {
    }

    record StripeRefund(String id, String status) {
    }

    /**
     * A verified webhook event, reduced to what we apply. {@code paymentIntentId} is the PaymentIntent the
     * object belongs to (the object itself, a charge's or a dispute's); {@code status} is the object's status.
     */
    record Event(String id, String type, Instant created, String objectType, String paymentIntentId, String paymentId,
            String status, long amountReceived, long amountRefunded, String chargeId, String failureMessage) {
    }

    /** The call failed: declined, invalid, unreachable. {@code message} is safe to log, never to show verbatim. */
    class StripeFailure extends RuntimeException {

        private final boolean definitive;

        /** {@code definitive}: Stripe answered and refused; otherwise the outcome is unknown (timeout, network). */
        public StripeFailure(String message, Throwable cause, boolean definitive) {
            super(message, cause);
            this.definitive = definitive;
        }

        public boolean definitive() {
            return definitive;
        }
    }

    /** The webhook is not signed by any of the secrets, or too old. */
    class BadSignature extends RuntimeException {

        public BadSignature(String message) {
            super(message, null, false, false);
        }
    }

    Intent createIntent(String secretKey, long amount, String currency, String description, Map<String, String> metadata,
            String idempotencyKey);

    Intent retrieveIntent(String secretKey, String intentId);

    Intent cancelIntent(String secretKey, String intentId, String idempotencyKey);

    StripeRefund createRefund(String secretKey, String intentId, long amount, Map<String, String> metadata, String idempotencyKey);

    /** Verifies the signature over the raw body with each secret in turn and parses the event. */
    Event verify(String payload, String signatureHeader, List<String> webhookSecrets);
}
