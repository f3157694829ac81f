package io.shopgraph.checkout.domain.pricing;

/**
 * What a discount reduces, which decides when it applies and what it may combine with: product discounts
 * first (on the lines they target), then order discounts (on what is left of the eligible lines), then
 * shipping discounts.
 */
public enum DiscountClass {
    PRODUCT, ORDER, SHIPPING
}
