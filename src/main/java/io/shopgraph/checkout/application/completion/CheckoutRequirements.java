package io.shopgraph.checkout.application.completion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;

import io.shopgraph.cart.api.CartViews.CartAddressView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.domain.completion.CheckoutErrorCode;
import io.shopgraph.checkout.domain.completion.CheckoutRejected;
import io.shopgraph.checkout.domain.pricing.DiscountOutcome;
import io.shopgraph.checkout.domain.pricing.PricedCart;

/**
 * What a cart needs besides lines and an email to become an order: a cart with a line to ship needs a delivery
 * option that pricing still offers for its address and lines (a shipping address, unless the option is local
 * pickup).
 */
@ApplicationScoped
public class CheckoutRequirements {

    private final Jsonb jsonb;

    CheckoutRequirements(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** Throws a {@link CheckoutRejected} when the cart lacks an address or delivery option it needs. */
    public void check(CartView cart) {
        if (!cart.requiresShipping()) {
            return;
        }
        // A chosen option was offered for the cart's address, or needs none (local pickup): the address is only
        // asked for while nothing is chosen.
        if (cart.selectedDeliveryHandle() == null && cart.shippingAddress() == null) {
            throw new CheckoutRejected(CheckoutErrorCode.SHIPPING_ADDRESS_REQUIRED, List.of("cartId"),
                    "Give the cart a shipping address (cartShippingAddressUpdate) or choose local pickup first.", List.of());
        }
        if (cart.selectedDeliveryHandle() == null) {
            throw new CheckoutRejected(CheckoutErrorCode.DELIVERY_OPTION_REQUIRED, List.of("cartId"),
                    "Choose one of the cart's delivery options first (cartSelectedDeliveryOptionUpdate).", List.of());
        }
    }

    /**
     * After pricing: the chosen option must still be offered (a rate removed, an address outside its zone), and a
     * code on the cart must not have stopped applying for a reason the cart could not show (used up by other orders
     * or ended since): the shopper would otherwise be charged more than the cart said, without a word. A code that
     * stopped applying because of the cart's own lines was already shown as not applicable on the cart.
     */
    public void checkPriced(CartView cart, PricedCart priced) {
        for (PricedCart.CodeResult code : priced.discountCodes()) {
            if (code.outcome() == DiscountOutcome.USAGE_LIMIT_REACHED || code.outcome() == DiscountOutcome.EXPIRED) {
                throw new CheckoutRejected(CheckoutErrorCode.DISCOUNT_NOT_AVAILABLE, List.of("cartId"), "The code " + code.code()
                        + (code.outcome() == DiscountOutcome.EXPIRED ? " has ended" : " has been used as often as it may be")
                        + ": remove it from the cart (cartDiscountCodesUpdate) to check out without it.", List.of());
            }
        }
        if (cart.requiresShipping() && priced.delivery() == null) {
            throw new CheckoutRejected(CheckoutErrorCode.DELIVERY_OPTION_REQUIRED, List.of("cartId"),
                    "The chosen delivery option is no longer offered for this address: choose another.", List.of());
        }
    }

    /** The order's shipping address as JSON with the order address's field names, when the cart ships. */
    public Optional<String> shippingAddressJson(CartView cart) {
        CartAddressView a = cart.shippingAddress();
        if (!cart.requiresShipping() || a == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("firstName", null);
        fields.put("lastName", a.name());
        fields.put("address1", a.address1());
        fields.put("city", a.city());
        fields.put("province", a.regionCode());
        fields.put("zip", a.zip());
        fields.put("countryCode", a.countryCode());
        fields.values().removeIf(java.util.Objects::isNull);
        return Optional.of(jsonb.toJson(fields));
    }
}
