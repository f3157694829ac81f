package io.shopgraph.cart.application;

import io.shopgraph.cart.api.CartViews;
import java.util.Comparator;
import java.util.List;

import io.shopgraph.cart.api.CartViews.AttributeView;
import io.shopgraph.cart.api.CartViews.CartBuyerIdentityView;
import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.domain.Attribute;
import io.shopgraph.cart.domain.Cart;
import io.shopgraph.cart.domain.CartLine;
import io.shopgraph.platform.kernel.GlobalId;

/**
 * Builds the cart's view from its rows, in memory, for the read path and every mutation's payload alike. What
 * the cart costs is not computed here: checkout's pricing function adds the cost fields to the Cart type.
 */
final class CartAssembler {

    private CartAssembler() {
    }

    static CartView view(Cart cart, List<CartLine> lines) {
        List<CartLine> ordered = lines.stream().sorted(Comparator.comparingInt((CartLine l) -> l.position)).toList();
        int quantity = 0;
        boolean shipping = false;
        List<CartLineView> views = new java.util.ArrayList<>();
        for (CartLine line : ordered) {
            quantity += line.quantity;
            shipping |= line.requiresShipping;
            views.add(new CartLineView(GlobalId.format(CartViews.LINE, line.id), line.quantity,
                    attributes(Attribute.fromArrays(line.attributeKeys, line.attributeValues)),
                    line.requiresShipping, line.id, line.variantId, line.unitPriceMinor, line.position, line.productId, cart.id,
                    line.currencyCode.strip(), line.bookingSlotId));
        }
        return new CartView(GlobalId.format(CartViews.CART, cart.id), cart.createdAt, cart.updatedAt, cart.note,
                attributes(Attribute.fromArrays(cart.attributeKeys, cart.attributeValues)),
                new CartBuyerIdentityView(cart.email, cart.phone, cart.countryCode == null ? null : cart.countryCode.strip(),
                        cart.customerId != null),
                quantity, shipping, cart.shipCountry == null ? null : new CartViews.CartAddressView(cart.shipName, cart.shipAddress1,
                        cart.shipCity, cart.shipZip, cart.shipRegion, cart.shipCountry.strip()), List.copyOf(views), cart.id, cart.currencyCode.strip(), cart.customerId, cart.sessionId,
                cart.discountCodes == null ? List.of() : List.of(cart.discountCodes), cart.selectedDelivery);
    }

    private static List<AttributeView> attributes(List<Attribute> attributes) {
        return attributes.stream().map(a -> new AttributeView(a.key(), a.value())).toList();
    }
}
