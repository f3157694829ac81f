package io.shopgraph.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import io.shopgraph.payments.application.StripeAccounts;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.testing.StripeWireMock;
import io.shopgraph.testing.TestStores;

/**
 * A store with its own Stripe account whose API is WireMock (stubs matched by the store's secret key, so tests
 * never see each other's), and webhook deliveries signed with Stripe's real scheme (HMAC-SHA256 over
 * "timestamp.body", header {@code t=...,v1=...}). Object shapes follow Stripe's OpenAPI description.
 */
final class StripeFixtures {

    static final long AMOUNT = 2500;

    final StoreId store;
    final String secretKey = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    final String publishableKey = "pk_test_" + UUID.randomUUID().toString().replace("-", "");
    final String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");

    private StripeFixtures(StoreId store) {
        this.store = store;
    }

    /** A new store connected to "Stripe", with creating and reading PaymentIntents and refunds stubbed. */
    static StripeFixtures connected(String label, String retrievedStatus) {
        StripeFixtures f = new StripeFixtures(TestStores.create(label).id());
        PaymentsTestSupport.inTx(f.store, () -> Arc.container().instance(StripeAccounts.class).get()
                .connect(f.publishableKey, f.secretKey, f.webhookSecret));
        f.stubCreate();
        f.stubRetrieve(retrievedStatus);
        f.stubRefund();
        return f;
    }

    String auth() {
        return "Bearer " + secretKey;
    }

    void stubCreate() {
        StripeWireMock.server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).withHeader("Authorization", equalTo(auth()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\":\"pi_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"payment_intent\","
                                + "\"amount\":" + AMOUNT + ",\"amount_received\":0,\"currency\":\"eur\",\"status\":\"requires_payment_method\","
                                + "\"client_secret\":\"pi_x_secret_{{randomValue length=16 type='ALPHANUMERIC'}}\",\"metadata\":{},"
                                + "\"livemode\":false,\"created\":" + Instant.now().getEpochSecond() + "}")));
    }

    void stubRetrieve(String status) {
        StripeWireMock.server().stubFor(get(urlPathMatching("/v1/payment_intents/pi_[A-Za-z0-9]+")).withHeader("Authorization", equalTo(auth()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\":\"{{request.pathSegments.[2]}}\",\"object\":\"payment_intent\",\"amount\":" + AMOUNT
                                + ",\"amount_received\":" + ("succeeded".equals(status) ? AMOUNT : 0) + ",\"currency\":\"eur\",\"status\":\""
                                + status + "\",\"client_secret\":\"pi_x_secret_y\",\"metadata\":{},\"livemode\":false}")));
    }

    void stubRefund() {
        StripeWireMock.server().stubFor(post(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(auth()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\":\"re_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"refund\",\"amount\":" + AMOUNT
                                + ",\"currency\":\"eur\",\"status\":\"succeeded\"}")));
    }

    /** A payment_intent.* event as Stripe sends it, for our payment {@code paymentId}. */
    static String intentEvent(String eventId, String type, Instant created, String intentId, UUID paymentId, String status,
            long amountReceived) {
        String error = "payment_intent.payment_failed".equals(type)
                ? "{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}" : "null";
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\",\"created\":" + created.getEpochSecond()
                + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type
                + "\",\"data\":{\"object\":{\"id\":\"" + intentId + "\",\"object\":\"payment_intent\",\"amount\":" + AMOUNT
                + ",\"amount_received\":" + amountReceived + ",\"currency\":\"eur\",\"status\":\"" + status
                + "\",\"client_secret\":\"" + intentId + "_secret_z\",\"last_payment_error\":" + error + ",\"metadata\":{\"shopgraph_payment_id\":\""
                + paymentId + "\"}}}}";
    }

    static String chargeEvent(String eventId, String type, String intentId, long amountRefunded) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"ch_"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"charge\",\"amount\":" + AMOUNT + ",\"amount_captured\":"
                + AMOUNT + ",\"amount_refunded\":" + amountRefunded + ",\"currency\":\"eur\",\"status\":\"succeeded\",\"payment_intent\":\""
                + intentId + "\",\"refunded\":" + (amountRefunded == AMOUNT) + ",\"metadata\":{}}}}";
    }

    static String disputeEvent(String eventId, String type, String intentId, String status) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"dp_"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"dispute\",\"amount\":" + AMOUNT
                + ",\"charge\":\"ch_1\",\"payment_intent\":\"" + intentId + "\",\"reason\":\"fraudulent\",\"status\":\"" + status
                + "\",\"currency\":\"eur\",\"metadata\":{}}}}";
    }

    /** Stripe's signature header for {@code payload} signed at {@code at} with {@code secret}. */
    static String sign(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = at.getEpochSecond() + "." + payload;
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Response deliver(String payload) {
        return deliver(payload, sign(payload, webhookSecret, Instant.now()));
    }

    Response deliver(String payload, String signature) {
        var request = given().contentType("application/json").body(payload.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.post("/webhooks/stripe/" + store.value());
    }
}
