package io.shopgraph.orders.domain;

import io.shopgraph.orders.api.OrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderRulesTest {

    @Test
    void statusFollowsPaymentThenFulfilmentAndRefundsAndCancellationWin() {
        assertThat(OrderRules.status(false, 1000, 0, 0, 0, 2)).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(OrderRules.status(false, 1000, 400, 0, 0, 2)).isEqualTo(OrderStatus.PARTIALLY_PAID);
        assertThat(OrderRules.status(false, 1000, 1000, 0, 0, 2)).isEqualTo(OrderStatus.PAID);
        assertThat(OrderRules.status(false, 1000, 1000, 0, 1, 2)).isEqualTo(OrderStatus.PARTIALLY_FULFILLED);
        assertThat(OrderRules.status(false, 1000, 1000, 0, 2, 2)).isEqualTo(OrderStatus.FULFILLED);
        assertThat(OrderRules.status(false, 1000, 1000, 300, 2, 2)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(OrderRules.status(false, 1000, 1000, 1000, 0, 2)).isEqualTo(OrderStatus.REFUNDED);
        assertThat(OrderRules.status(true, 1000, 1000, 1000, 0, 2)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderRules.status(false, 0, 0, 0, 0, 1)).as("a free order is paid").isEqualTo(OrderStatus.PAID);
    }

    @Test
    void refundingEveryUnitOneByOneSumsToTheLineTotalExactly() {
        long total = 1000; // 3 units at 333.33...
        long sum = 0;
        for (int refunded = 0; refunded < 3; refunded++) {
            sum += OrderRules.lineRefund(total, 3, refunded, 1);
        }
        assertThat(sum).isEqualTo(total);
        assertThat(OrderRules.lineRefund(total, 3, 0, 1)).isEqualTo(333);
        assertThat(OrderRules.lineRefund(total, 3, 0, 3)).isEqualTo(1000);
        assertThatThrownBy(() -> OrderRules.lineRefund(total, 3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRules.lineRefund(total, 3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesStartAt1001() {
        assertThat(OrderRules.name(OrderRules.FIRST_NUMBER)).isEqualTo("#1001");
    }
}
