package io.shopgraph.cart.application;

import io.shopgraph.cart.api.CartViews;
import java.util.Comparator;
import java.util.List;

import io.shopgraph.cart.api.CartViews.AttributeView;
import io.shopgraph.cart.api.CartViews.CartBuyerIdentityView;
import io.shopgraph.cart.api.CartViews.CartCostView;
import io.shopgraph.cart.api.CartViews.CartLineCostView;
import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.domain.Attribute;
import io.shopgraph.cart.domain.Cart;
import io.shopgraph.cart.domain.CartLine;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;

/**
 * Builds the cart's view from its rows, in memory: the totals are computed here, once, for the read
 * path and for every mutation's payload alike (one pricing place until the pricing work replaces it).
 */
final class CartAssembler {

    private CartAssembler() {
    }

    static CartView view(Cart cart, List<CartLine> lines) {
        List<CartLine> ordered = lines.stream().sorted(Comparator.comparingInt((CartLine l) -> l.position)).toList();
        Money subtotal = Money.zero(cart.currencyCode.strip());
        int quantity = 0;
        boolean shipping = false;
        List<CartLineView> views = new java.util.ArrayList<>();
        for (CartLine line : ordered) {
            Money unit = Money.of(line.unitPriceMinor, line.currencyCode.strip());
            Money lineTotal = unit.times(line.quantity);
            subtotal = subtotal.plus(lineTotal);
            quantity += line.quantity;
            shipping |= line.requiresShipping;
            views.add(new CartLineView(GlobalId.format(CartViews.LINE, line.id), line.quantity,
                    attributes(Attribute.fromArrays(line.attributeKeys, line.attributeValues)),
                    new CartLineCostView(MoneyView.of(unit), MoneyView.of(lineTotal), MoneyView.of(lineTotal)),
                    line.requiresShipping, line.id, line.variantId, line.unitPriceMinor, line.position, line.productId));
        }
        MoneyView total = MoneyView.of(subtotal);
        return new CartView(GlobalId.format(CartViews.CART, cart.id), cart.createdAt, cart.updatedAt, cart.note,
                attributes(Attribute.fromArrays(cart.attributeKeys, cart.attributeValues)),
                new CartBuyerIdentityView(cart.email, cart.phone, cart.countryCode == null ? null : cart.countryCode.strip(),
                        cart.customerId != null),
                quantity, new CartCostView(total, total, true, true), shipping, List.of(), List.copyOf(views), cart.id,
                cart.currencyCode.strip(), cart.customerId, cart.sessionId);
    }

    private static List<AttributeView> attributes(List<Attribute> attributes) {
        return attributes.stream().map(a -> new AttributeView(a.key(), a.value())).toList();
    }
}
