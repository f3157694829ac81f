package io.shopgraph.checkout.application.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.application.discount.Discounts;
import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.checkout.domain.pricing.Discount;
import io.shopgraph.checkout.domain.pricing.DiscountOutcome;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.checkout.domain.pricing.Pricing;
import io.shopgraph.checkout.domain.pricing.PricingInput;

/**
 * Prices a cart: gathers the pricing function's input for it (the cart's lines and codes, the store's discounts)
 * and calls {@link Pricing#price}. The cart's cost fields, checkout completion and the order snapshot all come
 * through here, so a total shown is the total charged. One statement (the discounts) besides the cart itself.
 */
@ApplicationScoped
public class CartPricing {

    private final Discounts discounts;

    CartPricing(Discounts discounts) {
        this.discounts = discounts;
    }

    public PricedCart price(CartView cart) {
        return price(cart, cart.appliedCodes());
    }

    /** Prices the cart as if it carried {@code codes} (upper case, entry order): how a new code is tried before it is kept. */
    public PricedCart price(CartView cart, List<String> codes) {
        return Pricing.price(input(cart, codes, discounts.forCart(codes), Instant.now()));
    }

    static PricingInput input(CartView cart, List<String> codes, List<StoredDiscount> stored, Instant now) {
        List<Discount> automatic = new ArrayList<>();
        Map<String, Discount> byCode = new HashMap<>();
        Map<String, DiscountOutcome> refused = new HashMap<>();
        for (StoredDiscount s : stored) {
            DiscountOutcome unavailable = s.unavailableAt(now);
            if (s.discount().code() == null) {
                if (unavailable == null) {
                    automatic.add(s.discount());
                }
            } else if (unavailable == null) {
                byCode.put(s.discount().code(), s.discount());
            } else {
                refused.put(s.discount().code(), unavailable);
            }
        }
        List<Discount> ordered = new ArrayList<>(automatic);
        codes.stream().map(byCode::get).filter(d -> d != null).forEach(ordered::add);
        List<PricingInput.Line> lines = cart.allLines().stream().map(CartPricing::line).toList();
        return new PricingInput(cart.currencyCode(), lines, ordered, null, List.of(), false, codes, refused);
    }

    private static PricingInput.Line line(CartLineView line) {
        // Taxable and collections come with the catalog facts the tax and collection work reads; until then every
        // line is taxable (no rate applies yet) and in no collection.
        return new PricingInput.Line(line.uuid(), line.variantId(), line.productId(), line.quantity(), line.unitPriceMinor(),
                line.requiresShipping(), true, Set.of());
    }
}
