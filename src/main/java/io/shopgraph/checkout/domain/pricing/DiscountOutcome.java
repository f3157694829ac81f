package io.shopgraph.checkout.domain.pricing;

/**
 * Why a discount did or did not apply to a cart. The first four are decided by the pricing function from the
 * cart alone; the others by the store's discount records (dates, usage) before pricing runs.
 */
public enum DiscountOutcome {
    APPLIED, NOT_APPLICABLE, MINIMUM_NOT_MET, NOT_COMBINABLE, NOT_FOUND, EXPIRED, NOT_YET_ACTIVE, USAGE_LIMIT_REACHED
}
