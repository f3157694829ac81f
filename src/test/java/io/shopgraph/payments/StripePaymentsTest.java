package io.shopgraph.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.shopgraph.payments.PaymentsTestSupport.as;
import static io.shopgraph.payments.PaymentsTestSupport.count;
import static io.shopgraph.payments.PaymentsTestSupport.events;
import static io.shopgraph.payments.PaymentsTestSupport.inTx;
import static io.shopgraph.payments.StripeFixtures.AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.payments.api.PaymentErrorCode;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.api.RefundOutcome;
import io.shopgraph.payments.api.RefundRequest;
import io.shopgraph.payments.application.PaymentReconciler;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.testing.StripeWireMock;

/** Stripe through PaymentsApi, its webhook and the reconciler, with stripe-java talking to WireMock. */
@QuarkusTest
class StripePaymentsTest {

    static ExecutorService pool;

    @Inject
    PaymentsApi payments;
    @Inject
    PaymentReconciler reconciler;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private PaymentView start(StripeFixtures f) {
        UUID order = UUID.randomUUID();
        return as(f.store, () -> payments.start(new PaymentRequest(order, AMOUNT, "EUR", "order-" + order, "Order", Map.of("order", "1"))));
    }

    private PaymentView read(StoreId store, UUID id) {
        return as(store, () -> payments.payment(id)).orElseThrow();
    }

    private static String evt() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void startCreatesOnePaymentIntentWithOurIdempotencyKeyAndTheStoresKey() {
        StripeFixtures f = StripeFixtures.connected("stripe-start", "requires_payment_method");
        var settings = as(f.store, () -> payments.settings());
        assertThat(settings.provider()).isEqualTo(PaymentProvider.STRIPE);
        assertThat(settings.publishableKey()).isEqualTo(f.publishableKey);

        UUID order = UUID.randomUUID();
        PaymentRequest request = new PaymentRequest(order, AMOUNT, "EUR", "order-" + order, "Order", Map.of());
        PaymentView first = as(f.store, () -> payments.start(request));
        PaymentView again = as(f.store, () -> payments.start(request));
        assertThat(first.provider()).isEqualTo(PaymentProvider.STRIPE);
        assertThat(first.providerReference()).startsWith("pi_");
        assertThat(first.clientSecret()).startsWith("pi_x_secret_");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.clientSecret()).isEqualTo(first.clientSecret());
        StripeWireMock.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo(f.auth()))
                .withHeader("Idempotency-Key", equalTo("shopgraph-payment-" + first.id()))
                .withRequestBody(matching(".*amount=2500.*")));
        // The client secret is stored encrypted, never in clear.
        assertThat(count(f.store, "select count(*) from payments.payment where client_secret_enc like ?", "%" + first.clientSecret() + "%"))
                .isZero();
    }

    @Test
    void aWebhookDeliveredFiveTimesThenTenTimesAtOnceIsAppliedOnce() throws Exception {
        StripeFixtures f = StripeFixtures.connected("stripe-dup", "requires_payment_method");
        PaymentView p = start(f);
        String payload = StripeFixtures.intentEvent(evt(), "payment_intent.succeeded", Instant.now(), p.providerReference(), p.id(),
                "succeeded", AMOUNT);
        for (int i = 0; i < 5; i++) {
            assertThat(f.deliver(payload).statusCode()).isEqualTo(200);
        }
        List<Future<Integer>> calls = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 10; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return f.deliver(payload).statusCode();
            }));
        }
        go.countDown();
        for (Future<Integer> call : calls) {
            assertThat(call.get()).isEqualTo(200);
        }
        assertThat(read(f.store, p.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(read(f.store, p.id()).capturedMinor()).isEqualTo(AMOUNT);
        assertThat(events(f.store, p.id(), "payments.PaymentSucceeded")).isEqualTo(1);
        assertThat(count(f.store, "select count(*) from payments.stripe_event")).isEqualTo(1);
    }

    @Test
    void concurrentDistinctWebhooksOfOnePaymentEnterSucceededOnce() throws Exception {
        StripeFixtures f = StripeFixtures.connected("stripe-concurrent", "requires_payment_method");
        PaymentView p = start(f);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // ten different event ids (Stripe resends a succeeded intent under a new event sometimes)
            String payload = StripeFixtures.intentEvent(evt(), "payment_intent.succeeded", Instant.now(), p.providerReference(), p.id(),
                    "succeeded", AMOUNT);
            calls.add(() -> f.deliver(payload).statusCode());
        }
        for (Future<Integer> call : pool.invokeAll(calls)) {
            assertThat(call.get()).isEqualTo(200);
        }
        assertThat(events(f.store, p.id(), "payments.PaymentSucceeded")).isEqualTo(1);
    }

    @Test
    void eventsInEveryArrivalOrderConvergeToTheSameStatus() {
        StripeFixtures f = StripeFixtures.connected("stripe-orders", "requires_payment_method");
        Instant t0 = Instant.now().minusSeconds(60);
        String[][] all = {{"payment_intent.processing", "processing"}, {"payment_intent.payment_failed", "requires_payment_method"},
                {"payment_intent.succeeded", "succeeded"}};
        for (int[] order : permutations(3)) {
            PaymentView p = start(f);
            for (int i : order) {
                String payload = StripeFixtures.intentEvent(evt(), all[i][0], t0.plusSeconds(i * 10L), p.providerReference(), p.id(),
                        all[i][1], "succeeded".equals(all[i][1]) ? AMOUNT : 0);
                assertThat(f.deliver(payload).statusCode()).isEqualTo(200);
            }
            PaymentView after = read(f.store, p.id());
            assertThat(after.status()).as("order %s", java.util.Arrays.toString(order)).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(after.capturedMinor()).isEqualTo(AMOUNT);
            assertThat(events(f.store, p.id(), "payments.PaymentSucceeded")).isEqualTo(1);
        }
        // Without success, the latest event wins whatever the arrival order: failed (t1) after processing (t0).
        for (int[] order : permutations(2)) {
            PaymentView p = start(f);
            for (int i : order) {
                String payload = StripeFixtures.intentEvent(evt(), all[i][0], t0.plusSeconds(i * 10L), p.providerReference(), p.id(),
                        all[i][1], 0);
                f.deliver(payload).then().statusCode(200);
            }
            assertThat(read(f.store, p.id()).status()).as("order %s", java.util.Arrays.toString(order)).isEqualTo(PaymentStatus.FAILED);
        }
    }

    @Test
    void theWebhookRacingTheSynchronousConfirmationEntersSucceededOnce() throws Exception {
        StripeFixtures f = StripeFixtures.connected("stripe-race", "succeeded");
        for (int round = 0; round < 5; round++) {
            PaymentView p = start(f);
            String payload = StripeFixtures.intentEvent(evt(), "payment_intent.succeeded", Instant.now(), p.providerReference(), p.id(),
                    "succeeded", AMOUNT);
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> webhook = pool.submit(() -> {
                go.await();
                return f.deliver(payload).statusCode();
            });
            Future<PaymentStatus> confirmation = pool.submit(() -> {
                go.await();
                return as(f.store, () -> payments.refresh(p.id())).payment().status();
            });
            go.countDown();
            assertThat(webhook.get()).isEqualTo(200);
            assertThat(confirmation.get()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(events(f.store, p.id(), "payments.PaymentSucceeded")).isEqualTo(1);
        }
    }

    @Test
    void theReconcilerCompletesAPaymentWhoseWebhookNeverCame() {
        StripeFixtures f = StripeFixtures.connected("stripe-reconcile", "succeeded");
        PaymentView old = start(f);
        PaymentView fresh = start(f);
        // The first payment has waited past the reconciler's minimum age; the second has not.
        inTx(f.store, () -> jakarta.enterprise.inject.spi.CDI.current().select(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("update payments.payment set updated_at = now() - interval '1 hour' where id = :id")
                .setParameter("id", old.id()).executeUpdate());

        PaymentReconciler.Result result = reconciler.runOnce();
        assertThat(result.changed()).isGreaterThanOrEqualTo(1);
        assertThat(read(f.store, old.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(read(f.store, fresh.id()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(events(f.store, old.id(), "payments.PaymentSucceeded")).isEqualTo(1);

        // The webhook arriving after all changes nothing more.
        String payload = StripeFixtures.intentEvent(evt(), "payment_intent.succeeded", Instant.now(), old.providerReference(), old.id(),
                "succeeded", AMOUNT);
        f.deliver(payload).then().statusCode(200);
        assertThat(events(f.store, old.id(), "payments.PaymentSucceeded")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentFullStripeRefundsGiveOneRefundAndOneStripeCall() throws Exception {
        StripeFixtures f = StripeFixtures.connected("stripe-refund", "succeeded");
        PaymentView p = start(f);
        assertThat(as(f.store, () -> payments.refresh(p.id())).payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        // Another store asking to refund this payment is refused before any call to Stripe.
        StripeFixtures other = StripeFixtures.connected("stripe-refund-other", "succeeded");
        assertThat(as(other.store, () -> payments.refund(new RefundRequest(p.id(), AMOUNT, "steal", null))).error())
                .isEqualTo(PaymentErrorCode.NOT_FOUND);
        StripeWireMock.server().verify(0, postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(f.auth())));
        StripeWireMock.server().verify(0, postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(other.auth())));
        List<Callable<RefundOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "refund-" + i;
            calls.add(() -> as(f.store, () -> payments.refund(new RefundRequest(p.id(), AMOUNT, key, "requested_by_customer"))));
        }
        int ok = 0;
        for (Future<RefundOutcome> call : pool.invokeAll(calls)) {
            RefundOutcome outcome = call.get();
            if (outcome.error() == null) {
                ok++;
                assertThat(outcome.refund().status()).isEqualTo("SUCCEEDED");
                assertThat(outcome.refund().providerReference()).startsWith("re_");
            } else {
                assertThat(outcome.error()).isEqualTo(PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED);
            }
        }
        assertThat(ok).isEqualTo(1);
        StripeWireMock.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Authorization", equalTo(f.auth())));
        assertThat(read(f.store, p.id()).refundedMinor()).isEqualTo(AMOUNT);
        assertThat(events(f.store, p.id(), "payments.PaymentRefunded")).isEqualTo(1);

        // Stripe's charge.refunded for the same refund adds nothing; a dispute is flagged once.
        f.deliver(StripeFixtures.chargeEvent(evt(), "charge.refunded", p.providerReference(), AMOUNT)).then().statusCode(200);
        assertThat(read(f.store, p.id()).refundedMinor()).isEqualTo(AMOUNT);
        assertThat(events(f.store, p.id(), "payments.PaymentRefunded")).isEqualTo(1);
        String dispute = StripeFixtures.disputeEvent(evt(), "charge.dispute.created", p.providerReference(), "needs_response");
        f.deliver(dispute).then().statusCode(200);
        f.deliver(dispute).then().statusCode(200);
        assertThat(events(f.store, p.id(), "payments.PaymentDisputed")).isEqualTo(1);
    }

    @Test
    void aRefundMadeInStripesDashboardIsRecordedFromTheWebhook() {
        StripeFixtures f = StripeFixtures.connected("stripe-dashboard", "succeeded");
        PaymentView p = start(f);
        as(f.store, () -> payments.refresh(p.id()));
        f.deliver(StripeFixtures.chargeEvent(evt(), "charge.refunded", p.providerReference(), 1000)).then().statusCode(200);
        f.deliver(StripeFixtures.chargeEvent(evt(), "charge.refunded", p.providerReference(), 1000)).then().statusCode(200);
        assertThat(read(f.store, p.id()).refundedMinor()).isEqualTo(1000);
        assertThat(events(f.store, p.id(), "payments.PaymentRefunded")).isEqualTo(1);
        RefundOutcome rest = as(f.store, () -> payments.refund(new RefundRequest(p.id(), AMOUNT - 999, "too-much", null)));
        assertThat(rest.error()).isEqualTo(PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED);
    }

    @Test
    void tamperedStaleUnsignedAndForeignWebhooksAreRefusedWithNoEffect() {
        StripeFixtures f = StripeFixtures.connected("stripe-refuse", "requires_payment_method");
        StripeFixtures other = StripeFixtures.connected("stripe-refuse-other", "requires_payment_method");
        PaymentView p = start(f);
        String payload = StripeFixtures.intentEvent(evt(), "payment_intent.succeeded", Instant.now(), p.providerReference(), p.id(),
                "succeeded", AMOUNT);
        String good = StripeFixtures.sign(payload, f.webhookSecret, Instant.now());

        assertThat(f.deliver(payload.replace("\"amount_received\":2500", "\"amount_received\":1"), good).statusCode()).isEqualTo(400);
        assertThat(f.deliver(payload, StripeFixtures.sign(payload, f.webhookSecret, Instant.now().minusSeconds(301))).statusCode())
                .isEqualTo(400);
        assertThat(f.deliver(payload, null).statusCode()).isEqualTo(400);
        assertThat(f.deliver(payload, "garbage").statusCode()).isEqualTo(400);
        assertThat(f.deliver(payload, StripeFixtures.sign(payload, other.webhookSecret, Instant.now())).statusCode()).isEqualTo(400);
        assertThat(f.deliver("not json", StripeFixtures.sign("not json", f.webhookSecret, Instant.now())).statusCode()).isEqualTo(400);
        // The other store's endpoint with the other store's valid signature: the payment is not its own.
        assertThat(other.deliver(payload).statusCode()).isEqualTo(200);
        assertThat(io.restassured.RestAssured.given().body(payload).header("Stripe-Signature", good)
                .post("/webhooks/stripe/not-a-store").statusCode()).isEqualTo(400);

        assertThat(read(f.store, p.id()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(count(f.store, "select count(*) from payments.stripe_event")).isZero();
        assertThat(events(f.store, p.id(), "payments.PaymentSucceeded")).isZero();
        // The genuine delivery still works afterwards.
        assertThat(f.deliver(payload, good).statusCode()).isEqualTo(200);
        assertThat(read(f.store, p.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] current, boolean[] used, int depth, List<int[]> out) {
        if (depth == current.length) {
            out.add(current.clone());
            return;
        }
        for (int i = 0; i < current.length; i++) {
            if (!used[i]) {
                used[i] = true;
                current[depth] = i;
                permute(current, used, depth + 1, out);
                used[i] = false;
            }
        }
    }
}
