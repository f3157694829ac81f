package io.shopgraph.checkout.graphql;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.application.pricing.CartPricing;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.platform.kernel.GlobalId;

/**
 * The carts one request has priced, so that the cart's cost, its codes and its lines' costs share one pricing
 * (and its one discount statement) rather than one each. Keyed by the cart as read, not by its id: a mutation
 * prices the cart before it changes it, and its payload must be priced from the cart after the change.
 */
@RequestScoped
public class PricedCartMemo {

    private final CartPricing pricing;
    private final CartApi carts;
    private final Map<CartView, CartPricing.Quote> priced = new ConcurrentHashMap<>();
    /** The quote of the latest state of each cart priced in this request, for its lines. */
    private final Map<UUID, CartPricing.Quote> latest = new ConcurrentHashMap<>();

    PricedCartMemo(CartPricing pricing, CartApi carts) {
        this.pricing = pricing;
        this.carts = carts;
    }

    PricedCart of(CartView cart) {
        return quote(cart).priced();
    }

    CartPricing.Quote quote(CartView cart) {
        CartPricing.Quote quote = priced.computeIfAbsent(cart, c -> pricing.quote(c));
        latest.put(cart.uuid(), quote);
        return quote;
    }

    /** For a line whose cart this request has not priced: reads the cart (one statement) and prices it. */
    PricedCart ofCart(UUID cartId) {
        CartPricing.Quote known = latest.get(cartId);
        if (known != null) {
            return known.priced();
        }
        return carts.cart(GlobalId.format(CartViews.CART, cartId)).map(this::of).orElse(null);
    }
}
