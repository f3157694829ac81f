package io.shopgraph.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shopgraph.checkout.domain.completion.CheckoutChecks;
import io.shopgraph.checkout.domain.completion.CheckoutChecks.Current;
import io.shopgraph.checkout.domain.completion.CheckoutChecks.Line;

class CheckoutChecksTest {

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID gone = UUID.randomUUID();

    @Test
    void linesWhosePriceMovedOrWhoseVariantIsGoneAreNamed() {
        UUID lineA = UUID.randomUUID();
        UUID lineB = UUID.randomUUID();
        UUID lineGone = UUID.randomUUID();
        List<Line> lines = List.of(new Line(lineA, a, 1000), new Line(lineB, b, 500), new Line(lineGone, gone, 100));
        Map<UUID, Current> now = Map.of(a, new Current(1000, true), b, new Current(550, true));
        assertThat(CheckoutChecks.priceChanged(lines, now)).containsExactly(lineB);
        assertThat(CheckoutChecks.unavailable(lines, now)).containsExactly(lineGone);
        assertThat(CheckoutChecks.unavailable(lines, Map.of(a, new Current(1000, false), b, new Current(500, true), gone, new Current(100, true))))
                .containsExactly(lineA);
    }

    @Test
    void idempotencyKeysAreBoundedText() {
        assertThat(CheckoutChecks.validKey("a")).isTrue();
        assertThat(CheckoutChecks.validKey("k".repeat(255))).isTrue();
        assertThat(CheckoutChecks.validKey("k".repeat(256))).isFalse();
        assertThat(CheckoutChecks.validKey("")).isFalse();
        assertThat(CheckoutChecks.validKey("  ")).isFalse();
        assertThat(CheckoutChecks.validKey(null)).isFalse();
        assertThat(CheckoutChecks.validKey("a\u0000b")).isFalse();
    }
}
