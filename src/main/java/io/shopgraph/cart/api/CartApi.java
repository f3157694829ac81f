package io.shopgraph.cart.api;

import java.util.Optional;

import io.shopgraph.cart.api.CartViews.CartView;

/**
 * What other modules (checkout) may ask of the cart module. Runs in the caller's transaction when there is
 * one; reads answer for the current store only.
 */
public interface CartApi {

    /**
     * The open, unexpired cart with this global id, with its lines; empty for malformed, unknown, foreign,
     * expired, merged and completed ids alike (one statement).
     */
    Optional<CartView> cart(String cartId);
}
