package io.shopgraph.checkout.application.pricing;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.checkout.domain.pricing.Pricing;
import io.shopgraph.checkout.domain.pricing.PricingInput;

/**
 * Prices a cart: gathers the pricing function's input for it (from the cart's lines, and the store's
 * discounts, delivery rates and tax rates as they come) and calls {@link Pricing#price}. The cart's cost
 * field, checkout completion and the order snapshot all come through here.
 */
@ApplicationScoped
public class CartPricing {

    public PricedCart price(CartView cart) {
        return Pricing.price(new PricingInput(cart.currencyCode(), cart.allLines().stream().map(CartPricing::line).toList()));
    }

    private static PricingInput.Line line(CartLineView line) {
        return new PricingInput.Line(line.uuid(), line.variantId(), line.productId(), line.quantity(), line.unitPriceMinor(),
                line.requiresShipping(), true, java.util.Set.of());
    }
}
