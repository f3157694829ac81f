package io.shopgraph.checkout.domain.pricing;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A discount as the pricing function sees it, already known to be active for this cart (dates and usage
 * limits are checked before pricing, see {@code DiscountRules}). {@code code} is null for an automatic discount.
 *
 * @param value basis points for PERCENTAGE and BUY_X_GET_Y (10000 = 100 %), minor units for FIXED_AMOUNT, unused for FREE_SHIPPING
 * @param eachItem FIXED_AMOUNT only: the amount comes off each eligible unit rather than once across the eligible lines
 * @param productIds, variantIds, collectionIds what the discount targets; all empty = everything
 * @param minimumSubtotalMinor, minimumQuantity measured on the eligible lines before any discount; 0 = none
 * @param buyQuantity, getQuantity BUY_X_GET_Y only
 * @param combinesWith the classes of other discounts this one may be applied together with
 */
public record Discount(UUID id, String code, String title, DiscountKind kind, long value, boolean eachItem,
        Set<UUID> productIds, Set<UUID> variantIds, Set<UUID> collectionIds, long minimumSubtotalMinor, int minimumQuantity,
        int buyQuantity, int getQuantity, Set<DiscountClass> combinesWith) {

    /** Bounds buy/get/minimum quantities, so group arithmetic cannot overflow. */
    public static final int MAX_QUANTITY = 1_000_000;

    public Discount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        productIds = Set.copyOf(productIds);
        variantIds = Set.copyOf(variantIds);
        collectionIds = Set.copyOf(collectionIds);
        combinesWith = Set.copyOf(combinesWith);
        if (value < 0 || minimumSubtotalMinor < 0 || minimumQuantity < 0) {
            throw new IllegalArgumentException("negative discount value or minimum");
        }
        if ((kind == DiscountKind.PERCENTAGE || kind == DiscountKind.BUY_X_GET_Y) && value > 10_000) {
            throw new IllegalArgumentException("percentage above 100 %");
        }
        if (kind == DiscountKind.BUY_X_GET_Y && (buyQuantity < 1 || getQuantity < 1)) {
            throw new IllegalArgumentException("buy X get Y needs X >= 1 and Y >= 1");
        }
        if (buyQuantity > MAX_QUANTITY || getQuantity > MAX_QUANTITY || minimumQuantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantities are at most " + MAX_QUANTITY);
        }
    }

    /** Derived, so a merchant cannot mislabel it: shipping for free shipping, product when it targets or counts items, order otherwise. */
    public DiscountClass discountClass() {
        if (kind == DiscountKind.FREE_SHIPPING) {
            return DiscountClass.SHIPPING;
        }
        if (kind == DiscountKind.BUY_X_GET_Y || eachItem || !targetsEverything()) {
            return DiscountClass.PRODUCT;
        }
        return DiscountClass.ORDER;
    }

    public boolean targetsEverything() {
        return productIds.isEmpty() && variantIds.isEmpty() && collectionIds.isEmpty();
    }

    /** Whether the line is one the discount targets. */
    public boolean targets(PricingInput.Line line) {
        if (targetsEverything()) {
            return true;
        }
        return variantIds.contains(line.variantId()) || productIds.contains(line.productId())
                || line.collectionIds().stream().anyMatch(collectionIds::contains);
    }

    /** Both must accept the other's class. */
    public boolean combinesWith(Discount other) {
        return combinesWith.contains(other.discountClass()) && other.combinesWith.contains(discountClass());
    }
}
