package io.shopgraph.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.shopgraph.checkout.CheckoutFixtures.CANCEL;
import static io.shopgraph.checkout.CheckoutFixtures.ORDER;
import static io.shopgraph.checkout.CheckoutFixtures.assertLedgerHolds;
import static io.shopgraph.checkout.CheckoutFixtures.count;
import static io.shopgraph.checkout.CheckoutFixtures.execute;
import static io.shopgraph.checkout.CheckoutFixtures.inStore;
import static io.shopgraph.checkout.CheckoutFixtures.ok;
import static io.shopgraph.checkout.CheckoutFixtures.placed;
import static io.shopgraph.checkout.CheckoutFixtures.stock;
import static io.shopgraph.checkout.CheckoutFixtures.uuid;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.application.PaymentReconciler;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.StripeWireMock;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Refunds and cancellations of orders paid with Stripe (hold, Stripe's Refund API through stripe-java against
 * WireMock outside any transaction, settle), and refunds made in Stripe's dashboard arriving as charge.refunded.
 */
@QuarkusTest
class StripeOrderRefundsTest {

    static final String REFUND = "mutation($id: ID!, $i: RefundInput!) { refundCreate(orderId: $id, input: $i) { refund { id status "
            + "amount { amount } restocked } order { id status totalRefunded { amount } } userErrors { code field message } } }";
    static final String REFUNDS = "query($id: ID!) { order(id: $id) { status totalPaid { amount } totalRefunded { amount } "
            + "lines { id refundedQuantity } refunds { status amount { amount } restocked reason } timeline { kind message } } }";
    static final String CONNECT = "mutation($i: StripeAccountConnectInput!) { stripeAccountConnect(input: $i) { userErrors { code message } } }";

    /** A store with Stripe connected over GraphQL, its API stubbed per secret key, and a paid order of {@code quantity} units. */
    static final class Paid {
        final TestStore store;
        final String secretKey = "sk_test_" + rnd();
        final String webhookSecret = "whsec_" + rnd();
        String variant;
        String orderId;
        UUID paymentId;
        String intentId;
        long total;

        Paid(String label) {
            store = TestStores.create(label);
            ok(store.owner().execute(CONNECT, Map.of("i", Map.of("publishableKey", "pk_test_" + rnd(), "secretKey", secretKey,
                    "webhookSecret", webhookSecret))), "stripeAccountConnect");
            StripeWireMock.server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).withHeader("Authorization", equalTo(auth()))
                    .willReturn(json(200, "{\"id\":\"pi_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"payment_intent\","
                            + "\"amount\":1,\"amount_received\":0,\"currency\":\"eur\",\"status\":\"requires_payment_method\","
                            + "\"client_secret\":\"pi_x_secret_{{randomValue length=16 type='ALPHANUMERIC'}}\",\"metadata\":{},\"livemode\":false}")));
            refundsSucceed();
        }

        String auth() {
            return "Bearer " + secretKey;
        }

        StubMapping refundsSucceed() {
            return StripeWireMock.server().stubFor(post(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(auth()))
                    .willReturn(json(200, "{\"id\":\"re_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"refund\",\"amount\":1,"
                            + "\"currency\":\"eur\",\"status\":\"succeeded\"}")));
        }

        StubMapping refundsAnswer(int status, String body) {
            return StripeWireMock.server().stubFor(post(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(auth()))
                    .atPriority(1).willReturn(json(status, body)));
        }

        int refundCalls() {
            return StripeWireMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(auth())))
                    .size();
        }

        /** Checkout of the variant, then Stripe's payment_intent.succeeded webhook; waits until the order follows it. */
        Paid order(String price, int stock, int quantity) throws Exception {
            variant = variant(store, "Item", price, stock);
            JsonPath placed = placed(store, variant, quantity);
            assertThat(placed.getString("data.checkoutComplete.payment.provider")).isEqualTo("STRIPE");
            orderId = placed.getString("data.checkoutComplete.order.id");
            total = new java.math.BigDecimal(placed.getString("data.checkoutComplete.order.cost.totalAmount.amount")).movePointRight(2)
                    .longValueExact();
            Object[] payment = inStore(store, em -> (Object[]) em.createNativeQuery("select id, provider_reference from payments.payment "
                    + "where reference_id = :o").setParameter("o", uuid(orderId)).getSingleResult());
            paymentId = (UUID) payment[0];
            intentId = (String) payment[1];
            deliver("{\"id\":\"evt_" + rnd() + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\",\"created\":"
                    + Instant.now().getEpochSecond() + ",\"livemode\":false,\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\""
                    + intentId + "\",\"object\":\"payment_intent\",\"amount\":" + total + ",\"amount_received\":" + total
                    + ",\"currency\":\"eur\",\"status\":\"succeeded\",\"metadata\":{\"shopgraph_payment_id\":\"" + paymentId + "\"}}}}");
            OutboxDrain.await("orders.payments", List.of(store));
            assertThat(read().getString("data.order.status")).isEqualTo("PAID");
            return this;
        }

        /** Stripe's charge.refunded: {@code amountRefunded} is the charge's refunded total as Stripe knows it. */
        void chargeRefunded(String eventId, long amountRefunded) throws Exception {
            deliver("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\",\"created\":"
                    + Instant.now().getEpochSecond() + ",\"livemode\":false,\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_"
                    + rnd() + "\",\"object\":\"charge\",\"amount\":" + total + ",\"amount_captured\":" + total + ",\"amount_refunded\":"
                    + amountRefunded + ",\"currency\":\"eur\",\"status\":\"succeeded\",\"payment_intent\":\"" + intentId + "\",\"refunded\":"
                    + (amountRefunded == total) + ",\"metadata\":{}}}}");
            OutboxDrain.await("orders.payments", List.of(store));
        }

        void deliver(String payload) {
            given().contentType("application/json").header("Stripe-Signature", sign(payload, webhookSecret))
                    .body(payload.getBytes(StandardCharsets.UTF_8)).post("/webhooks/stripe/" + store.id().value()).then().statusCode(200);
        }

        JsonPath read() {
            JsonPath body = store.owner().execute(REFUNDS, Map.of("id", orderId));
            assertThat(body.getList("errors")).as(body.prettify()).isNull();
            return body;
        }

        JsonPath refund(Map<String, Object> input) {
            JsonPath body = store.owner().execute(REFUND, Map.of("id", orderId, "i", input));
            assertThat(body.getList("errors")).as(body.prettify()).isNull();
            return body;
        }
    }

    /**
     * The first Stripe call of the JVM loads stripe-java and WireMock's response templating; on this shared machine
     * that alone can exceed the storefront's 5 s request deadline of the first checkoutComplete, so one payment is
     * started directly (no deadline) and one checkout is made, unasserted, before the tests.
     */
    static volatile boolean warm;

    @BeforeEach
    void warmUpStripe() {
        if (warm) {
            return;
        }
        warm = true;
        Paid first = new Paid("stripe-order-warm-up");
        UUID reference = UUID.randomUUID();
        Arc.container().instance(TenantScope.class).get().call(first.store.id(), () -> Arc.container().instance(PaymentsApi.class).get()
                .start(new PaymentRequest(reference, 100, "EUR", "warm-up-" + reference, "warm-up", Map.of())));
        // And the first Stripe checkoutComplete of the JVM, whose answer is not asserted (it may run out of time here).
        String variant = variant(first.store, "Warm-up", "1.00", 5);
        first.store.storefront().execute(CheckoutFixtures.COMPLETE, Map.of("c", CheckoutFixtures.cart(first.store.storefront(), variant, 1,
                "warm@example.com"), "k", UUID.randomUUID().toString()));
    }

    @Test
    void fullAndPartialStripeRefundsCallStripeOnceEachWithOurKeyAndRestock() throws Exception {
        Paid paid = new Paid("stripe-order-refunds").order("25.00", 5, 2);
        assertThat(stock(paid.store, paid.variant)).containsExactly(3, 0);
        String line = paid.read().getString("data.order.lines[0].id");

        // Partial: one of the two units, restocked.
        JsonPath partial = ok(paid.refund(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "restock", true)), "refundCreate");
        assertThat(partial.getString("data.refundCreate.refund.status")).isEqualTo("SUCCEEDED");
        assertThat(partial.getString("data.refundCreate.refund.amount.amount")).isEqualTo("25.00");
        assertThat(partial.getBoolean("data.refundCreate.refund.restocked")).isTrue();
        assertThat(partial.getString("data.refundCreate.order.status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(paid.refundCalls()).isEqualTo(1);
        assertThat(stock(paid.store, paid.variant)).containsExactly(4, 0);
        UUID refundId = (UUID) inStore(paid.store, em -> em.createNativeQuery("select id from payments.refund").getSingleResult());
        StripeWireMock.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("shopgraph-refund-" + refundId))
                .withRequestBody(matching(".*amount=2500.*")).withRequestBody(matching(".*payment_intent=" + paid.intentId + ".*")));

        // The rest: refunded in full.
        JsonPath rest = ok(paid.refund(Map.of("amount", "25.00")), "refundCreate");
        assertThat(rest.getString("data.refundCreate.order.status")).isEqualTo("REFUNDED");
        assertThat(rest.getString("data.refundCreate.order.totalRefunded.amount")).isEqualTo("50.00");
        assertThat(paid.refundCalls()).isEqualTo(2);
        // Stripe's charge.refunded for our own refunds, late: nothing counted twice.
        paid.chargeRefunded("evt_" + rnd(), 5000);
        JsonPath after = paid.read();
        assertThat(after.getString("data.order.totalRefunded.amount")).isEqualTo("50.00");
        assertThat(after.getList("data.order.refunds")).hasSize(2);
        assertThat(count(paid.store, "select count(*) from payments.refund")).isEqualTo(2);
        assertThat(count(paid.store, "select coalesce(sum(refunded_minor), 0) from payments.payment")).isEqualTo(5000);
        assertThat(count(paid.store, "select count(*) from platform.event where type = 'orders.RefundCreated'")).isEqualTo(2);
        assertLedgerHolds(paid.store);
    }

    @Test
    void twentyConcurrentFullRefundsMakeOneStripeCallAndOneRefund() throws Exception {
        Paid paid = new Paid("stripe-order-refund-race").order("40.00", 3, 1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return paid.refund(Map.of("amount", "40.00"));
                }));
            }
            start.countDown();
            int refunded = 0;
            for (Future<JsonPath> result : results) {
                List<String> codes = result.get().getList("data.refundCreate.userErrors.code", String.class);
                if (codes.isEmpty()) {
                    refunded++;
                } else {
                    assertThat(codes).containsExactly("INVALID_AMOUNT");
                }
            }
            assertThat(refunded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(paid.refundCalls()).isEqualTo(1);
        assertThat(count(paid.store, "select count(*) from orders.refund")).isEqualTo(1);
        assertThat(count(paid.store, "select count(*) from payments.refund")).isEqualTo(1);
        assertThat(paid.read().getString("data.order.status")).isEqualTo("REFUNDED");
        assertThat(paid.read().getString("data.order.totalRefunded.amount")).isEqualTo("40.00");
    }

    @Test
    void aRefundStripeRefusesIsATypedErrorAndNothingIsRefunded() throws Exception {
        Paid paid = new Paid("stripe-order-refund-refused").order("30.00", 3, 2);
        String line = paid.read().getString("data.order.lines[0].id");
        StubMapping refused = paid.refundsAnswer(400,
                "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_disputed\",\"message\":\"This charge is disputed.\"}}");
        JsonPath no = paid.refund(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 2)), "restock", true));
        assertThat(no.getString("data.refundCreate.userErrors[0].code")).isEqualTo("PAYMENT_PROVIDER_ERROR");
        assertThat(no.prettify()).doesNotContain("charge_disputed").doesNotContain("Exception");
        assertThat(paid.refundCalls()).isEqualTo(1);
        JsonPath order = paid.read();
        assertThat(order.getString("data.order.status")).isEqualTo("PAID");
        assertThat(order.getString("data.order.totalRefunded.amount")).isEqualTo("0.00");
        assertThat(order.getInt("data.order.lines[0].refundedQuantity")).isZero();
        assertThat(order.getList("data.order.refunds.status", String.class)).containsExactly("FAILED");
        assertThat(count(paid.store, "select refunded_minor from payments.payment")).isZero();
        assertThat(stock(paid.store, paid.variant)).containsExactly(1, 0);
        assertThat(count(paid.store, "select count(*) from platform.event where type = 'orders.RefundCreated'")).isZero();
        StripeWireMock.server().removeStub(refused);

        // The lines and the amount are refundable again.
        JsonPath yes = ok(paid.refund(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 2)), "restock", true)), "refundCreate");
        assertThat(yes.getString("data.refundCreate.order.status")).isEqualTo("REFUNDED");
        assertThat(stock(paid.store, paid.variant)).containsExactly(3, 0);
        assertLedgerHolds(paid.store);
    }

    @Test
    void aRefundWhoseAnswerNeverCameStaysPendingAndTheReconcilerSettlesTheOrder() throws Exception {
        Paid paid = new Paid("stripe-order-refund-lost").order("20.00", 3, 1);
        StubMapping down = paid.refundsAnswer(503, "{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}");
        JsonPath pending = ok(paid.refund(Map.of("amount", "20.00")), "refundCreate");
        assertThat(pending.getString("data.refundCreate.refund.status")).isEqualTo("PENDING");
        assertThat(pending.getString("data.refundCreate.order.status")).isEqualTo("PAID");
        // While it is pending, nothing more can be refunded.
        assertThat(paid.refund(Map.of("amount", "0.01")).getString("data.refundCreate.userErrors[0].code")).isEqualTo("INVALID_AMOUNT");
        StripeWireMock.server().removeStub(down);

        execute(paid.store, "update payments.refund set updated_at = now() - interval '1 hour'");
        Arc.container().instance(PaymentReconciler.class).get().runOnce();
        OutboxDrain.await("orders.payments", List.of(paid.store));
        JsonPath order = paid.read();
        assertThat(order.getString("data.order.status")).isEqualTo("REFUNDED");
        assertThat(order.getList("data.order.refunds.status", String.class)).containsExactly("SUCCEEDED");
        assertThat(paid.refundCalls()).isEqualTo(2); // the same Stripe idempotency key twice: one refund at Stripe
        assertThat(count(paid.store, "select count(*) from platform.event where type = 'orders.RefundCreated'")).isEqualTo(1);
    }

    @Test
    void cancellingAPaidStripeOrderRefundsItThenRestocks() throws Exception {
        Paid paid = new Paid("stripe-order-cancel").order("15.00", 4, 2);
        assertThat(stock(paid.store, paid.variant)).containsExactly(2, 0);
        StubMapping refused = paid.refundsAnswer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no\"}}");
        JsonPath no = paid.store.owner().execute(CANCEL, Map.of("id", paid.orderId));
        assertThat(no.getString("data.orderCancel.userErrors[0].code")).isEqualTo("PAYMENT_PROVIDER_ERROR");
        assertThat(paid.read().getString("data.order.status")).isEqualTo("PAID");
        assertThat(stock(paid.store, paid.variant)).containsExactly(2, 0);
        StripeWireMock.server().removeStub(refused);

        JsonPath cancelled = ok(paid.store.owner().execute(CANCEL, Map.of("id", paid.orderId)), "orderCancel");
        assertThat(cancelled.getString("data.orderCancel.order.status")).isEqualTo("CANCELLED");
        JsonPath order = paid.read();
        assertThat(order.getString("data.order.totalRefunded.amount")).isEqualTo("30.00");
        assertThat(order.getList("data.order.timeline.kind", String.class)).contains("CANCEL_FAILED", "CANCELLED");
        assertThat(paid.refundCalls()).isEqualTo(2);
        assertThat(stock(paid.store, paid.variant)).containsExactly(4, 0);
        assertThat(count(paid.store, "select count(*) from platform.event where type = 'orders.OrderCancelled'")).isEqualTo(1);
        assertLedgerHolds(paid.store);
    }

    @Test
    void aDashboardRefundUpdatesTheOrderOnceInAnyOrderWithOurOwn() throws Exception {
        Paid paid = new Paid("stripe-order-dashboard").order("50.00", 2, 1);
        // 10.00 refunded in Stripe's dashboard; the event arrives twice, and a later event with the same total.
        String event = "evt_" + rnd();
        paid.chargeRefunded(event, 1000);
        paid.chargeRefunded(event, 1000);
        paid.chargeRefunded("evt_" + rnd(), 1000);
        JsonPath order = paid.read();
        assertThat(order.getString("data.order.status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(order.getString("data.order.totalRefunded.amount")).isEqualTo("10.00");
        assertThat(order.getList("data.order.refunds.amount.amount", String.class)).containsExactly("10.00");
        assertThat(order.getList("data.order.timeline.kind", String.class).stream().filter("REFUNDED"::equals)).hasSize(1);

        // Our refund of 15.00, then Stripe's event for it (the charge now at 25.00) and the dashboard's again.
        ok(paid.refund(Map.of("amount", "15.00")), "refundCreate");
        paid.chargeRefunded("evt_" + rnd(), 2500);
        paid.chargeRefunded(event, 1000);
        assertThat(paid.read().getString("data.order.totalRefunded.amount")).isEqualTo("25.00");

        // Another 25.00 in the dashboard: its event reports the charge fully refunded.
        paid.chargeRefunded("evt_" + rnd(), 5000);
        order = paid.read();
        assertThat(order.getString("data.order.status")).isEqualTo("REFUNDED");
        assertThat(order.getString("data.order.totalRefunded.amount")).isEqualTo("50.00");
        assertThat(order.getList("data.order.refunds.amount.amount", String.class)).containsExactly("10.00", "15.00", "25.00");
        assertThat(paid.refundCalls()).isEqualTo(1);
        assertThat(count(paid.store, "select count(*) from platform.event where type = 'orders.RefundCreated'")).isEqualTo(3);
        // Nothing more can be refunded.
        assertThat(paid.refund(Map.of("amount", "0.01")).getString("data.refundCreate.userErrors[0].code")).isEqualTo("INVALID_AMOUNT");
    }

    @Test
    void aDashboardRefundArrivingWhileOurRefundIsPendingIsNotCountedTwice() throws Exception {
        Paid paid = new Paid("stripe-order-dashboard-race").order("40.00", 2, 1);
        StubMapping down = paid.refundsAnswer(503, "{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}");
        assertThat(ok(paid.refund(Map.of("amount", "10.00")), "refundCreate").getString("data.refundCreate.refund.status")).isEqualTo("PENDING");
        // Stripe did make it: its event comes before our settlement.
        paid.chargeRefunded("evt_" + rnd(), 1000);
        assertThat(paid.read().getString("data.order.totalRefunded.amount")).isEqualTo("0.00");
        StripeWireMock.server().removeStub(down);
        execute(paid.store, "update payments.refund set updated_at = now() - interval '1 hour'");
        Arc.container().instance(PaymentReconciler.class).get().runOnce();
        OutboxDrain.await("orders.payments", List.of(paid.store));
        JsonPath order = paid.read();
        assertThat(order.getString("data.order.totalRefunded.amount")).isEqualTo("10.00");
        assertThat(order.getString("data.order.status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(order.getList("data.order.refunds")).hasSize(1);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withTransformers("response-template").withBody(body);
    }

    static String rnd() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String sign(String payload, String secret) {
        try {
            long at = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + at + ",v1=" + HexFormat.of().formatHex(mac.doFinal((at + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
