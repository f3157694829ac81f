package io.shopgraph.checkout.domain.discount;

import java.time.Instant;

import io.shopgraph.checkout.domain.pricing.Discount;
import io.shopgraph.checkout.domain.pricing.DiscountOutcome;

/** A discount as the store keeps it: what pricing needs, and when and how often it may be used. */
public record StoredDiscount(Discount discount, Instant startsAt, Instant endsAt, Integer usageLimit, Integer perCustomerLimit,
        int usedCount, Instant createdAt) {

    /**
     * Whether it may be used at {@code now}: null when it may, otherwise why not. The usage count here is a hint
     * for the shopper; {@code DiscountUsage.reserve} is what holds the limit under concurrency.
     */
    public DiscountOutcome unavailableAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return DiscountOutcome.NOT_YET_ACTIVE;
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return DiscountOutcome.EXPIRED;
        }
        if (usageLimit != null && usedCount >= usageLimit) {
            return DiscountOutcome.USAGE_LIMIT_REACHED;
        }
        return null;
    }

    /** What a merchant sees: the dates decide first (an ended discount is EXPIRED even when used up), then the usage count. */
    public DiscountStatus statusAt(Instant now) {
        DiscountOutcome unavailable = unavailableAt(now);
        if (unavailable == null) {
            return DiscountStatus.ACTIVE;
        }
        return switch (unavailable) {
            case NOT_YET_ACTIVE -> DiscountStatus.SCHEDULED;
            case EXPIRED -> DiscountStatus.EXPIRED;
            default -> DiscountStatus.USED_UP;
        };
    }

    /** Codes are matched without regard to case: stored and compared upper case, surrounding blanks ignored. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
