package io.shopgraph.cart.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews.CartView;

/** The cart module's {@link CartApi}: a thin door onto the read service the GraphQL layer uses too. */
@ApplicationScoped
class CartApiService implements CartApi {

    private final CartReads reads;

    CartApiService(CartReads reads) {
        this.reads = reads;
    }

    @Override
    public Optional<CartView> cart(String cartId) {
        return reads.byId(cartId);
    }
}
