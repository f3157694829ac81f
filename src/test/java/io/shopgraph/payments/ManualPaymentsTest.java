package io.shopgraph.payments;

import static io.shopgraph.payments.PaymentsTestSupport.as;
import static io.shopgraph.payments.PaymentsTestSupport.count;
import static io.shopgraph.payments.PaymentsTestSupport.events;
import static io.shopgraph.payments.PaymentsTestSupport.inTx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.payments.api.PaymentErrorCode;
import io.shopgraph.payments.api.PaymentOutcome;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.api.RefundOutcome;
import io.shopgraph.payments.api.RefundRequest;
import io.shopgraph.payments.domain.PaymentException;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.testing.TestStores;

/** The manual provider through PaymentsApi: the path a store with no Stripe account takes. */
@QuarkusTest
class ManualPaymentsTest {

    @Inject
    PaymentsApi payments;

    private PaymentView start(StoreId store, UUID reference, long amount, String key) {
        return inTx(store, () -> payments.start(new PaymentRequest(reference, amount, "EUR", key, "Order 1", Map.of("order", "1"))));
    }

    @Test
    void aStoreWithoutStripeUsesTheManualProvider() {
        StoreId store = TestStores.create("pay-settings").id();
        var settings = as(store, () -> payments.settings());
        assertThat(settings.provider()).isEqualTo(PaymentProvider.MANUAL);
        assertThat(settings.publishableKey()).isNull();
    }

    @Test
    void startIsIdempotentAndMarkPaidSucceedsOnceWithOneEvent() {
        StoreId store = TestStores.create("pay-manual").id();
        UUID order = UUID.randomUUID();
        PaymentView first = start(store, order, 1250, "order-" + order + "-1");
        PaymentView again = start(store, order, 1250, "order-" + order + "-1");
        assertThat(first.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(first.provider()).isEqualTo(PaymentProvider.MANUAL);
        assertThat(first.clientSecret()).isNull();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(count(store, "select count(*) from payments.payment where reference_id = ?", order)).isEqualTo(1);

        PaymentException mismatch = catchThrowableOfType(PaymentException.class,
                () -> start(store, UUID.randomUUID(), 1250, "order-" + order + "-1"));
        assertThat(mismatch.paymentCode()).isEqualTo(PaymentErrorCode.IDEMPOTENCY_KEY_MISMATCH);

        PaymentOutcome paid = inTx(store, () -> payments.markPaid(first.id()));
        PaymentOutcome paidAgain = inTx(store, () -> payments.markPaid(first.id()));
        assertThat(paid.error()).isNull();
        assertThat(paid.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paid.payment().capturedMinor()).isEqualTo(1250);
        assertThat(paidAgain.error()).isNull();
        assertThat(paidAgain.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(events(store, first.id(), "payments.PaymentSucceeded")).isEqualTo(1);

        // A paid payment cannot be canceled; the byReferences batch sees it.
        assertThat(inTx(store, () -> payments.cancel(first.id())).error()).isEqualTo(PaymentErrorCode.INVALID_STATE);
        assertThat(as(store, () -> payments.byReferences(List.of(order))).get(order)).extracting(PaymentView::status)
                .containsExactly(PaymentStatus.SUCCEEDED);
    }

    @Test
    void cancelIsIdempotentAndAnotherStoreSeesNothing() {
        StoreId store = TestStores.create("pay-cancel").id();
        StoreId other = TestStores.create("pay-cancel-other").id();
        PaymentView payment = start(store, UUID.randomUUID(), 500, "k-" + UUID.randomUUID());

        assertThat(as(other, () -> payments.payment(payment.id()))).isEmpty();
        assertThat(inTx(other, () -> payments.cancel(payment.id())).error()).isEqualTo(PaymentErrorCode.NOT_FOUND);
        assertThat(inTx(other, () -> payments.markPaid(payment.id())).error()).isEqualTo(PaymentErrorCode.NOT_FOUND);

        assertThat(inTx(store, () -> payments.cancel(payment.id())).payment().status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(inTx(store, () -> payments.cancel(payment.id())).error()).isNull();
        assertThat(events(store, payment.id(), "payments.PaymentCanceled")).isEqualTo(1);
        assertThat(inTx(store, () -> payments.markPaid(payment.id())).error()).isEqualTo(PaymentErrorCode.INVALID_STATE);
        assertThat(events(store, payment.id(), "payments.PaymentSucceeded")).isZero();
    }

    @Test
    void badRequestsAreRefusedWithACodeAndWriteNothing() {
        StoreId store = TestStores.create("pay-bad").id();
        UUID order = UUID.randomUUID();
        for (long amount : new long[] {0, -5, 100_000_000L}) {
            PaymentException e = catchThrowableOfType(PaymentException.class, () -> start(store, order, amount, "k"));
            assertThat(e.paymentCode()).isEqualTo(PaymentErrorCode.INVALID_REQUEST);
        }
        PaymentException currency = catchThrowableOfType(PaymentException.class,
                () -> inTx(store, () -> payments.start(new PaymentRequest(order, 100, "eur'", "k", null, null))));
        assertThat(currency.paymentCode()).isEqualTo(PaymentErrorCode.INVALID_REQUEST);
        assertThat(count(store, "select count(*) from payments.payment")).isZero();
    }

    @Test
    void refundsNeverExceedTheCaptureAndReplayByKey() {
        StoreId store = TestStores.create("pay-refund").id();
        PaymentView payment = start(store, UUID.randomUUID(), 1000, "k-" + UUID.randomUUID());
        RefundOutcome unpaid = inTx(store, () -> payments.refund(new RefundRequest(payment.id(), 100, "r0", null)));
        assertThat(unpaid.error()).isEqualTo(PaymentErrorCode.INVALID_STATE);
        inTx(store, () -> payments.markPaid(payment.id()));

        RefundOutcome part = inTx(store, () -> payments.refund(new RefundRequest(payment.id(), 300, "r1", "damaged")));
        RefundOutcome replay = inTx(store, () -> payments.refund(new RefundRequest(payment.id(), 300, "r1", "damaged")));
        RefundOutcome mismatch = inTx(store, () -> payments.refund(new RefundRequest(payment.id(), 200, "r1", null)));
        RefundOutcome tooMuch = inTx(store, () -> payments.refund(new RefundRequest(payment.id(), 701, "r2", null)));
        assertThat(part.error()).isNull();
        assertThat(part.refund().status()).isEqualTo("SUCCEEDED");
        assertThat(replay.refund().id()).isEqualTo(part.refund().id());
        assertThat(mismatch.error()).isEqualTo(PaymentErrorCode.IDEMPOTENCY_KEY_MISMATCH);
        assertThat(tooMuch.error()).isEqualTo(PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED);
        assertThat(as(store, () -> payments.payment(payment.id())).orElseThrow().refundedMinor()).isEqualTo(300);
        assertThat(events(store, payment.id(), "payments.PaymentRefunded")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentFullRefundsGiveOneRefund() throws Exception {
        StoreId store = TestStores.create("pay-refund-race").id();
        PaymentView payment = start(store, UUID.randomUUID(), 4200, "k-" + UUID.randomUUID());
        inTx(store, () -> payments.markPaid(payment.id()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<RefundOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "full-" + i;
                calls.add(pool.submit(() -> inTx(store, () -> payments.refund(new RefundRequest(payment.id(), 4200, key, null)))));
            }
            int ok = 0;
            int refused = 0;
            for (Future<RefundOutcome> call : calls) {
                RefundOutcome outcome = call.get();
                if (outcome.error() == null) {
                    ok++;
                } else {
                    assertThat(outcome.error()).isEqualTo(PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED);
                    refused++;
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(refused).isEqualTo(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(store, "select count(*) from payments.refund where payment_id = ?", payment.id())).isEqualTo(1);
        assertThat(count(store, "select refunded_minor from payments.payment where id = ?", payment.id())).isEqualTo(4200);
    }
}
