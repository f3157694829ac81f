package io.shopgraph.checkout.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shopgraph.checkout.domain.discount.DiscountStatus;
import io.shopgraph.checkout.domain.discount.StoredDiscount;

class StoredDiscountTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Discount TEN = new Discount(UUID.randomUUID(), "TEN", "Ten", DiscountKind.PERCENTAGE, 1000, false, Set.of(),
            Set.of(), Set.of(), 0, 0, 0, 0, Set.of());

    @Test
    void datesAndUsageDecideAvailability() {
        assertThat(new StoredDiscount(TEN, NOW, null, null, null, 0, NOW).unavailableAt(NOW)).isNull();
        assertThat(new StoredDiscount(TEN, NOW.plusSeconds(1), null, null, null, 0, NOW).unavailableAt(NOW))
                .isEqualTo(DiscountOutcome.NOT_YET_ACTIVE);
        assertThat(new StoredDiscount(TEN, NOW.minusSeconds(10), NOW, null, null, 0, NOW).unavailableAt(NOW)).isEqualTo(DiscountOutcome.EXPIRED);
        assertThat(new StoredDiscount(TEN, NOW.minusSeconds(10), NOW.plusSeconds(1), 5, null, 5, NOW).unavailableAt(NOW))
                .isEqualTo(DiscountOutcome.USAGE_LIMIT_REACHED);
        assertThat(new StoredDiscount(TEN, NOW.minusSeconds(10), NOW.plusSeconds(1), 5, null, 4, NOW).unavailableAt(NOW)).isNull();
    }

    @Test
    void aMerchantSeesTheStatusTheDatesAndTheUsageCountGive() {
        assertThat(new StoredDiscount(TEN, NOW, null, null, null, 0, NOW).statusAt(NOW)).isEqualTo(DiscountStatus.ACTIVE);
        assertThat(new StoredDiscount(TEN, NOW.plusSeconds(1), null, null, null, 0, NOW).statusAt(NOW)).isEqualTo(DiscountStatus.SCHEDULED);
        assertThat(new StoredDiscount(TEN, NOW.minusSeconds(10), NOW, 5, null, 5, NOW).statusAt(NOW)).as("ended wins over used up")
                .isEqualTo(DiscountStatus.EXPIRED);
        assertThat(new StoredDiscount(TEN, NOW.minusSeconds(10), null, 5, null, 5, NOW).statusAt(NOW)).isEqualTo(DiscountStatus.USED_UP);
    }

    @Test
    void codesIgnoreCaseAndBlanks() {
        assertThat(StoredDiscount.normalize("  summer10 ")).isEqualTo("SUMMER10");
    }
}
