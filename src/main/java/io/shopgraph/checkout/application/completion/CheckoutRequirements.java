package io.shopgraph.checkout.application.completion;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.domain.completion.CheckoutRejected;

/**
 * THE SEAM for the shipping address and the selected delivery option (the pricing work adds both to the cart).
 * Until they exist on the cart, a cart that requires shipping is not refused for lacking them, and the order
 * has no shipping address. When they land: refuse with SHIPPING_ADDRESS_REQUIRED / DELIVERY_OPTION_REQUIRED
 * here, and answer the address as JSON from {@link #shippingAddressJson}.
 */
@ApplicationScoped
public class CheckoutRequirements {

    /** Throws a {@link CheckoutRejected} when the cart lacks something it needs to become an order. */
    public void check(CartView cart) {
        // Shipping address and delivery option: not on the cart yet (see the class comment).
    }

    /** The order's shipping address as JSON (OrderAddress's fields), when the cart has one. */
    public Optional<String> shippingAddressJson(CartView cart) {
        return Optional.empty();
    }
}
