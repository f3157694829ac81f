package io.shopgraph.cart.application;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.tenancy.TenantContext;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews.CartView;

/** The cart module's {@link CartApi}: a thin door onto the read service the GraphQL layer uses too. */
@ApplicationScoped
class CartApiService implements CartApi {

    private final CartReads reads;
    private final EntityManager em;
    private final TenantContext tenant;

    CartApiService(CartReads reads, EntityManager em, TenantContext tenant) {
        this.reads = reads;
        this.em = em;
        this.tenant = tenant;
    }

    @Override
    @Transactional
    public boolean complete(UUID cartId) {
        return em.createNativeQuery("update cart.cart set status = 'COMPLETED', updated_at = now() where store_id = :store and id = :id "
                + "and status = 'OPEN' and expires_at > now()").setParameter("store", tenant.store().orElseThrow().value())
                .setParameter("id", cartId).executeUpdate() == 1;
    }

    @Override
    public Optional<CartView> cart(String cartId) {
        return reads.byId(cartId);
    }
}
