package io.shopgraph.payments.domain;

import static io.shopgraph.payments.domain.PaymentTransitions.Decision.APPLY;
import static io.shopgraph.payments.domain.PaymentTransitions.Decision.IGNORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.shopgraph.payments.api.PaymentStatus;

class PaymentTransitionsTest {

    static final Instant T1 = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant T2 = T1.plusSeconds(5);

    @Test
    void finalStatusesNeverMove() {
        for (PaymentStatus target : PaymentStatus.values()) {
            assertThat(PaymentTransitions.decide(PaymentStatus.SUCCEEDED, T1, target, T2)).isEqualTo(IGNORE);
            assertThat(PaymentTransitions.decide(PaymentStatus.CANCELED, null, target, null)).isEqualTo(IGNORE);
        }
    }

    @Test
    void sameStatusAndBackToPendingAreIgnored() {
        assertThat(PaymentTransitions.decide(PaymentStatus.PENDING, null, PaymentStatus.PENDING, null)).isEqualTo(IGNORE);
        assertThat(PaymentTransitions.decide(PaymentStatus.PROCESSING, T1, PaymentStatus.PROCESSING, T2)).isEqualTo(IGNORE);
        assertThat(PaymentTransitions.decide(PaymentStatus.FAILED, T1, PaymentStatus.PENDING, T2)).isEqualTo(IGNORE);
    }

    @Test
    void aStaleNonFinalEventIsIgnoredButAFinalOneAlwaysApplies() {
        assertThat(PaymentTransitions.decide(PaymentStatus.FAILED, T2, PaymentStatus.PROCESSING, T1)).isEqualTo(IGNORE);
        assertThat(PaymentTransitions.decide(PaymentStatus.PROCESSING, T2, PaymentStatus.FAILED, T1)).isEqualTo(IGNORE);
        assertThat(PaymentTransitions.decide(PaymentStatus.FAILED, T1, PaymentStatus.PROCESSING, T2)).isEqualTo(APPLY);
        assertThat(PaymentTransitions.decide(PaymentStatus.PROCESSING, T2, PaymentStatus.SUCCEEDED, T1)).isEqualTo(APPLY);
        assertThat(PaymentTransitions.decide(PaymentStatus.FAILED, T2, PaymentStatus.CANCELED, T1)).isEqualTo(APPLY);
        assertThat(PaymentTransitions.decide(PaymentStatus.PENDING, null, PaymentStatus.SUCCEEDED, null)).isEqualTo(APPLY);
    }

    @Test
    void refundsStayWithinTheCapture() {
        assertThat(RefundRules.fits(100, 100, 0)).isTrue();
        assertThat(RefundRules.fits(101, 100, 0)).isFalse();
        assertThat(RefundRules.fits(1, 100, 100)).isFalse();
        assertThat(RefundRules.fits(0, 100, 0)).isFalse();
        assertThat(RefundRules.refundable(100, 130)).isZero();
    }
}
