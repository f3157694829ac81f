package io.shopgraph.cart.api;

import java.util.Optional;
import java.util.UUID;

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

    /**
     * Marks the open, unexpired cart COMPLETED (it became an order and no longer answers to its id), in the
     * caller's transaction. One conditional update: of two checkouts of one cart, only one gets true.
     */
    boolean complete(UUID cartId);
}
