package io.shopgraph.payments.infra.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

import io.shopgraph.payments.application.PaymentsConfig;
import io.shopgraph.payments.application.StripeGateway;
import io.shopgraph.platform.kernel.JsonP;

/**
 * {@link StripeGateway} with stripe-java: a {@link StripeClient} per call with the store's own secret key (no
 * global {@code Stripe.apiKey}, which would leak one store's key into another's calls), our idempotency key on
 * every write, and the API base from configuration (WireMock in tests).
 */
@ApplicationScoped
public class StripeJavaGateway implements StripeGateway {

    /** Our payment id in a PaymentIntent's metadata: a webhook finds the payment even before we stored the intent id. */
    public static final String PAYMENT_ID = StripeGateway.PAYMENT_ID_METADATA;

    private final PaymentsConfig config;

    StripeJavaGateway(PaymentsConfig config) {
        this.config = config;
    }

    private StripeClient client(String secretKey) {
        int timeout = (int) config.stripe().timeout().toMillis();
        return StripeClient.builder().setApiKey(secretKey).setApiBase(config.stripe().apiBase()).setConnectTimeout(timeout)
                .setReadTimeout(timeout).setMaxNetworkRetries(config.stripe().maxNetworkRetries()).build();
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @Override
    public Intent createIntent(String secretKey, long amount, String currency, String description, Map<String, String> metadata,
            String idempotencyKey) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency(currency.toLowerCase(java.util.Locale.ROOT)).putAllMetadata(metadata)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build());
        if (description != null) {
            params.setDescription(description);
        }
        try {
            return intent(client(secretKey).v1().paymentIntents().create(params.build(), idempotent(idempotencyKey)));
        } catch (StripeException e) {
            throw failure("create a PaymentIntent", e);
        }
    }

    @Override
    public Intent retrieveIntent(String secretKey, String intentId) {
        try {
            return intent(client(secretKey).v1().paymentIntents().retrieve(intentId));
        } catch (StripeException e) {
            throw failure("retrieve a PaymentIntent", e);
        }
    }

    @Override
    public Intent cancelIntent(String secretKey, String intentId, String idempotencyKey) {
        try {
            return intent(client(secretKey).v1().paymentIntents().cancel(intentId, PaymentIntentCancelParams.builder().build(),
                    idempotent(idempotencyKey)));
        } catch (StripeException e) {
            throw failure("cancel a PaymentIntent", e);
        }
    }

    @Override
    public StripeRefund createRefund(String secretKey, String intentId, long amount, Map<String, String> metadata, String idempotencyKey) {
        try {
            Refund refund = client(secretKey).v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intentId)
                    .setAmount(amount).putAllMetadata(metadata).build(), idempotent(idempotencyKey));
            return new StripeRefund(refund.getId(), refund.getStatus());
        } catch (StripeException e) {
            throw failure("create a refund", e);
        }
    }

    @Override
    public Event verify(String payload, String signatureHeader, List<String> webhookSecrets) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new BadSignature("unsigned");
        }
        long tolerance = config.stripe().webhookTolerance().toSeconds();
        com.stripe.model.Event event = null;
        for (String secret : webhookSecrets) {
            try {
                event = Webhook.constructEvent(payload, signatureHeader, secret, tolerance);
                break;
            } catch (SignatureVerificationException e) {
                // try the next secret: during a rotation Stripe signs with both, and either may be ours
            } catch (RuntimeException e) { // a signed body that is not an event
                throw new BadSignature("malformed");
            }
        }
        if (event == null || event.getId() == null || event.getType() == null || event.getCreated() == null) {
            throw new BadSignature("no secret matched");
        }
        JsonObject object = parse(event.getDataObjectDeserializer().getRawJson());
        String objectType = string(object, "object");
        String intentId = "payment_intent".equals(objectType) ? string(object, "id") : string(object, "payment_intent");
        JsonObject metadata = object.get("metadata") instanceof JsonObject o ? o : null;
        JsonObject lastError = object.get("last_payment_error") instanceof JsonObject o ? o : null;
        String chargeId = "charge".equals(objectType) ? string(object, "id") : string(object, "charge");
        return new Event(event.getId(), event.getType(), Instant.ofEpochSecond(event.getCreated()), objectType, intentId,
                metadata == null ? null : string(metadata, PAYMENT_ID), string(object, "status"), number(object, "amount_received"),
                number(object, "amount_refunded"), chargeId, lastError == null ? string(object, "cancellation_reason")
                        : string(lastError, "message"));
    }

    private static JsonObject parse(String json) {
        try (var reader = JsonP.createReader(new java.io.StringReader(json == null ? "" : json))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new BadSignature("no data object");
            }
            return object;
        } catch (jakarta.json.JsonException e) {
            throw new BadSignature("malformed data object");
        }
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static long number(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? n.longValue() : 0;
    }

    private static Intent intent(PaymentIntent pi) {
        return new Intent(pi.getId(), pi.getStatus(), pi.getAmount() == null ? 0 : pi.getAmount(),
                pi.getAmountReceived() == null ? 0 : pi.getAmountReceived(), pi.getCurrency(), pi.getClientSecret(),
                pi.getMetadata() == null ? null : pi.getMetadata().get(PAYMENT_ID),
                pi.getLastPaymentError() == null ? pi.getCancellationReason() : pi.getLastPaymentError().getMessage());
    }

    private static StripeFailure failure(String what, StripeException e) {
        return new StripeFailure("Stripe refused or could not be reached to " + what + ": " + e.getClass().getSimpleName()
                + (e.getStripeError() == null ? "" : " " + e.getStripeError().getCode()), e,
                !(e instanceof com.stripe.exception.ApiConnectionException) && e.getStatusCode() != null && e.getStatusCode() < 500);
    }
}
