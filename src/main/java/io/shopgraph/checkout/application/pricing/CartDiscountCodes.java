package io.shopgraph.checkout.application.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.domain.discount.DiscountErrorCode;
import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.checkout.domain.pricing.DiscountOutcome;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.platform.errors.DomainException;

/**
 * A shopper puts discount codes on a cart. It lives with pricing (not with the discount room's merchant
 * commands) because a code is accepted only when pricing the cart with it says it applies, and pricing reads
 * the discount room: the rooms depend one way.
 */
@ApplicationScoped
public class CartDiscountCodes {

    public static final int MAX_CODES = 10;

    private final CartApi carts;
    private final CartPricing pricing;
    private final CodeGuessThrottle throttle;

    CartDiscountCodes(CartApi carts, CartPricing pricing, CodeGuessThrottle throttle) {
        this.carts = carts;
        this.pricing = pricing;
        this.throttle = throttle;
    }

    /**
     * Replaces the cart's codes. A code that is new to the cart must apply now, or the whole change is refused
     * with the first new code's reason and the cart stays as it was; codes already on the cart stay even when
     * they no longer apply (the cart shows them as not applicable). A change that brings new codes is throttled per
     * shopper session (else cart) and per {@code clientKey} (null: not throttled per client) against guessing: see
     * {@link CodeGuessThrottle}; only unknown codes count.
     */
    @Transactional
    public CartView update(String cartId, List<String> requested, String clientKey) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String code = StoredDiscount.normalize(requested.get(i));
            if (code == null || code.isEmpty() || code.length() > 64) {
                throw new DomainException(DiscountErrorCode.INVALID_INPUT, List.of("discountCodes", String.valueOf(i)),
                        "A code is 1 to 64 characters.");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (codes.size() > MAX_CODES) {
            throw new DomainException(DiscountErrorCode.INVALID_INPUT, List.of("discountCodes"), "At most " + MAX_CODES + " codes.");
        }
        Optional<CartView> cart = carts.cart(cartId);
        if (cart.isEmpty()) {
            throw new DomainException(DiscountErrorCode.CART_NOT_FOUND, List.of("cartId"), "No cart with this id exists.");
        }
        List<String> added = codes.stream().filter(c -> !cart.get().appliedCodes().contains(c)).toList();
        CodeGuessThrottle.Attempt attempt = added.isEmpty() ? null
                : throttle.take(cart.get().sessionId() != null ? "s:" + cart.get().sessionId() : "c:" + cart.get().uuid(), clientKey);
        boolean guessed = false;
        try {
            PricedCart priced = pricing.price(cart.get(), codes);
            int unknown = (int) priced.discountCodes().stream()
                    .filter(r -> r.outcome() == DiscountOutcome.NOT_FOUND && added.contains(r.code())).count();
            guessed = unknown > 0;
            if (guessed) {
                attempt.countUnknown(unknown);
            }
            for (PricedCart.CodeResult result : priced.discountCodes()) {
                if (!result.applicable() && added.contains(result.code())) {
                    throw new DomainException(DiscountErrorCode.valueOf(result.outcome().name()),
                            List.of("discountCodes", String.valueOf(codes.indexOf(result.code()))), message(result.outcome()));
                }
            }
        } finally {
            if (attempt != null && !guessed) {
                attempt.giveBack(); // only unknown codes count against the shopper
            }
        }
        return carts.replaceDiscountCodes(cartId, codes).orElseThrow(() ->
                new DomainException(DiscountErrorCode.CART_NOT_FOUND, List.of("cartId"), "No cart with this id exists."));
    }

    private static String message(DiscountOutcome outcome) {
        return switch (outcome) {
            case NOT_FOUND -> "No discount has this code.";
            case EXPIRED -> "This code has expired.";
            case NOT_YET_ACTIVE -> "This code is not active yet.";
            case USAGE_LIMIT_REACHED -> "This code has been used as often as it may be.";
            case MINIMUM_NOT_MET -> "The cart does not reach this code's minimum.";
            case NOT_COMBINABLE -> "This code cannot be combined with the cart's other discounts.";
            case NOT_APPLICABLE -> "Nothing in the cart is eligible for this code.";
            case APPLIED -> "Applied.";
        };
    }
}
