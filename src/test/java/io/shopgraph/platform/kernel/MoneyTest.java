package io.shopgraph.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsFollowTheCurrencysFractionDigits() {
        assertThat(Money.of(1250, "EUR").amount()).isEqualByComparingTo("12.50");
        assertThat(Money.of(1250, "EUR").amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.of(1250, "JPY").amount().toPlainString()).isEqualTo("1250");
        assertThat(Money.of(1250, "KWD").amount().toPlainString()).isEqualTo("1.250");
    }

    @Test
    void parsingRejectsMoreFractionDigitsThanTheCurrencyHas() {
        assertThat(Money.parse(new BigDecimal("19.99"), "USD").minorUnits()).isEqualTo(1999);
        assertThat(Money.parse(new BigDecimal("19.9"), "USD").minorUnits()).isEqualTo(1990);
        assertThatThrownBy(() -> Money.parse(new BigDecimal("19.999"), "USD")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmeticStaysInOneCurrencyAndNeverOverflowsSilently() {
        assertThat(Money.of(100, "EUR").plus(Money.of(250, "EUR"))).isEqualTo(Money.of(350, "EUR"));
        assertThat(Money.of(333, "EUR").times(3)).isEqualTo(Money.of(999, "EUR"));
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(1, "XXY")).isInstanceOf(IllegalArgumentException.class);
    }
}
