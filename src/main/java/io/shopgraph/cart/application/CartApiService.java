package io.shopgraph.cart.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/** The cart module's {@link CartApi}: a thin door onto the read service the GraphQL layer uses too. */
@ApplicationScoped
class CartApiService implements CartApi {

    private final CartReads reads;
    private final CartCommands commands;
    private final NativeRows db;
    private final TenantContext tenant;

    CartApiService(CartReads reads, CartCommands commands, NativeRows db, TenantContext tenant) {
        this.reads = reads;
        this.commands = commands;
        this.db = db;
        this.tenant = tenant;
    }

    @Override
    @Transactional
    public boolean complete(UUID cartId) {
        return db.sql("update cart.cart set status = 'COMPLETED', updated_at = now() where store_id = :store and id = :id "
                + "and status = 'OPEN' and expires_at > now()").param("store", tenant.requireStore().value())
                .param("id", cartId).update() == 1;
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
