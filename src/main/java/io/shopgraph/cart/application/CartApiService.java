package io.shopgraph.cart.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews.CartView;

/** The cart module's {@link CartApi}: a thin door onto the read service the GraphQL layer uses too. */
@ApplicationScoped
class CartApiService implements CartApi {

    private final CartReads reads;
    private final CartCommands commands;

    CartApiService(CartReads reads, CartCommands commands) {
        this.reads = reads;
        this.commands = commands;
    }

    @Override
    public Optional<CartView> cart(String cartId) {
        return reads.byId(cartId);
    }

    @Override
    public Optional<CartView> replaceDiscountCodes(String cartId, List<String> codes) {
        return commands.replaceDiscountCodes(cartId, codes);
    }

    @Override
    public Optional<CartView> replaceShippingAddress(String cartId, io.shopgraph.cart.api.CartViews.CartAddressView address) {
        return commands.change(cartId, cart -> {
            cart.shipName = address == null ? null : address.name();
            cart.shipAddress1 = address == null ? null : address.address1();
            cart.shipCity = address == null ? null : address.city();
            cart.shipZip = address == null ? null : address.zip();
            cart.shipRegion = address == null ? null : address.regionCode();
            cart.shipCountry = address == null ? null : address.countryCode();
            cart.selectedDelivery = null;
        });
    }

    @Override
    public Optional<CartView> selectDeliveryOption(String cartId, String handle) {
        return commands.change(cartId, cart -> cart.selectedDelivery = handle);
    }
}
