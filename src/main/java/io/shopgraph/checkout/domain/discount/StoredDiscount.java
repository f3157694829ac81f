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

    /** Codes are matched without regard to case: stored and compared upper case, surrounding blanks ignored. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
