package io.shopgraph.cart.api;

import java.util.List;
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
     * Replaces the cart's discount codes (already validated and upper-cased by checkout, at most 10) and answers the
     * cart as it is now; empty, changing nothing, when {@link #cart} would be empty. Locks the cart row: call it in
     * the caller's transaction.
     */
    Optional<CartView> replaceDiscountCodes(String cartId, List<String> codes);

    /**
     * Sets the shipping address (checkout validated it; null removes it) and clears the chosen delivery option, whose
     * price depended on the old address. Empty, changing nothing, when {@link #cart} would be empty.
     */
    Optional<CartView> replaceShippingAddress(String cartId, CartViews.CartAddressView address);

    /** Sets the chosen delivery option's handle (checkout validated it). Empty when {@link #cart} would be empty. */
    Optional<CartView> selectDeliveryOption(String cartId, String handle);

    /**
     * Marks the open, unexpired cart COMPLETED (it became an order and no longer answers to its id), in the
     * caller's transaction. One conditional update: of two checkouts of one cart, only one gets true.
     */
    boolean complete(UUID cartId);
}
