package io.shopgraph.cart.domain;

/** The bounds of one cart, from configuration. */
public record CartLimits(int maxLines, int maxLineQuantity, int maxCartQuantity, int maxAttributes) {
}
