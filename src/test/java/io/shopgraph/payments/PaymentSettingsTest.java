package io.shopgraph.payments;

import static io.shopgraph.payments.PaymentsTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Merchants connect, rotate and disconnect Stripe over GraphQL; storefronts read the publishable key only. */
@QuarkusTest
class PaymentSettingsTest {

    static final String CONNECT = "mutation($i: StripeAccountConnectInput!) { stripeAccountConnect(input: $i) { stripeAccount { "
            + "publishableKey secretKeyHint webhookSecretHints webhookPath } userErrors { field code message } } }";
    static final String UPDATE = "mutation($i: StripeAccountUpdateInput!) { stripeAccountUpdate(input: $i) { stripeAccount { "
            + "secretKeyHint webhookSecretHints } userErrors { field code message } } }";
    static final String SETTINGS = "{ paymentSettings { provider publishableKey } }";

    static String rnd() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void connectRotateAndDisconnect() {
        TestStore store = TestStores.create("pay-gql");
        assertThat(store.storefront().execute(SETTINGS).getString("data.paymentSettings.provider")).isEqualTo("MANUAL");

        String pk = "pk_test_" + rnd();
        String sk = "sk_test_" + rnd();
        String whsec1 = "whsec_" + rnd();
        JsonPath connected = store.owner().execute(CONNECT, Map.of("i", Map.of("publishableKey", pk, "secretKey", sk, "webhookSecret", whsec1)));
        assertThat(connected.getList("data.stripeAccountConnect.userErrors")).isEmpty();
        assertThat(connected.getString("data.stripeAccountConnect.stripeAccount.secretKeyHint")).isEqualTo(sk.substring(sk.length() - 4));
        assertThat(connected.getString("data.stripeAccountConnect.stripeAccount.webhookPath")).isEqualTo("/webhooks/stripe/" + store.id().value());
        assertThat(connected.prettify()).doesNotContain(sk).doesNotContain(whsec1);

        JsonPath storefront = store.storefront().execute(SETTINGS);
        assertThat(storefront.getString("data.paymentSettings.provider")).isEqualTo("STRIPE");
        assertThat(storefront.getString("data.paymentSettings.publishableKey")).isEqualTo(pk);
        assertThat(store.storefront().post("{ stripeAccount { secretKeyHint } }", Map.of()).jsonPath().getList("errors.extensions.code"))
                .containsExactly("UNAUTHENTICATED");
        // At rest only ciphertext: no column holds the secret key or the webhook secret in clear.
        assertThat(count(store.id(), "select count(*) from payments.stripe_account where secret_key_enc like ? or "
                + "array_to_string(webhook_secrets_enc, ',') like ?", "%" + sk + "%", "%" + whsec1 + "%")).isZero();

        // Rotation: a second webhook secret verifies beside the first; then the first is removed by its hint.
        String whsec2 = "whsec_" + rnd();
        JsonPath added = store.owner().execute(UPDATE, Map.of("i", Map.of("addWebhookSecret", whsec2)));
        assertThat(added.getList("data.stripeAccountUpdate.stripeAccount.webhookSecretHints", String.class))
                .containsExactly(whsec1.substring(whsec1.length() - 4), whsec2.substring(whsec2.length() - 4));
        String payload = "{\"id\":\"evt_" + rnd() + "\",\"object\":\"event\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
        assertThat(deliver(store, payload, whsec1)).isEqualTo(200);
        assertThat(deliver(store, payload.replace("evt_", "evt_2"), whsec2)).isEqualTo(200);
        JsonPath removed = store.owner().execute(UPDATE, Map.of("i", Map.of("removeWebhookSecretHints",
                List.of(whsec1.substring(whsec1.length() - 4)))));
        assertThat(removed.getList("data.stripeAccountUpdate.stripeAccount.webhookSecretHints")).hasSize(1);
        assertThat(deliver(store, payload.replace("evt_", "evt_3"), whsec1)).isEqualTo(400);
        assertThat(deliver(store, payload.replace("evt_", "evt_4"), whsec2)).isEqualTo(200);

        // A new secret key of the other mode is refused, and nothing changes.
        JsonPath mixed = store.owner().execute(UPDATE, Map.of("i", Map.of("secretKey", "sk_live_" + rnd())));
        assertThat(mixed.getList("data.stripeAccountUpdate.userErrors.code")).containsExactly("INVALID_INPUT");
        JsonPath last = store.owner().execute(UPDATE, Map.of("i", Map.of("removeWebhookSecretHints",
                List.of(whsec2.substring(whsec2.length() - 4)))));
        assertThat(last.getList("data.stripeAccountUpdate.userErrors.code")).containsExactly("INVALID_INPUT");

        JsonPath gone = store.owner().execute("mutation { stripeAccountDisconnect { disconnected } }");
        assertThat(gone.getBoolean("data.stripeAccountDisconnect.disconnected")).isTrue();
        assertThat(store.storefront().execute(SETTINGS).getString("data.paymentSettings.provider")).isEqualTo("MANUAL");
        assertThat(deliver(store, payload.replace("evt_", "evt_5"), whsec2)).isEqualTo(400);
    }

    @Test
    void malformedKeysAreUserErrorsAndUpdatingWithoutAnAccountIsToo() {
        TestStore store = TestStores.create("pay-gql-bad");
        for (Map<String, Object> input : List.of(
                Map.<String, Object>of("publishableKey", "sk_test_12345678", "secretKey", "sk_test_12345678", "webhookSecret", "whsec_12345678"),
                Map.<String, Object>of("publishableKey", "pk_test_12345678", "secretKey", "pk_test_12345678", "webhookSecret", "whsec_12345678"),
                Map.<String, Object>of("publishableKey", "pk_test_12345678", "secretKey", "sk_test_12345678", "webhookSecret", "x' or 1=1"),
                Map.<String, Object>of("publishableKey", "pk_live_12345678", "secretKey", "sk_test_12345678", "webhookSecret", "whsec_12345678"),
                Map.<String, Object>of("publishableKey", "pk_test_" + "a".repeat(400), "secretKey", "sk_test_12345678", "webhookSecret",
                        "whsec_12345678"))) {
            JsonPath refused = store.owner().execute(CONNECT, Map.of("i", input));
            assertThat(refused.getList("errors")).isNull();
            assertThat(refused.getList("data.stripeAccountConnect.userErrors.code")).containsExactly("INVALID_INPUT");
        }
        assertThat(store.owner().execute("{ stripeAccount { publishableKey } }").getString("data.stripeAccount")).isNull();
        JsonPath update = store.owner().execute(UPDATE, Map.of("i", Map.of("secretKey", "sk_test_12345678")));
        assertThat(update.getList("data.stripeAccountUpdate.userErrors.code")).containsExactly("NOT_CONNECTED");
    }

    private static int deliver(TestStore store, String payload, String secret) {
        return io.restassured.RestAssured.given().contentType("application/json").body(payload)
                .header("Stripe-Signature", StripeFixtures.sign(payload, secret, Instant.now()))
                .post("/webhooks/stripe/" + store.id().value()).statusCode();
    }
}
