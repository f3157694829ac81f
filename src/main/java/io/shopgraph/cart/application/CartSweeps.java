package io.shopgraph.cart.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.events.CartExpired;
import io.shopgraph.platform.events.EventPublisher;

/** The transactions of {@link CartJobs}: the list of stores to visit, and one store's sweep. */
@ApplicationScoped
class CartSweeps {

    private final EntityManager em;
    private final CartConfig config;
    private final EventPublisher outbox;

    CartSweeps(EntityManager em, CartConfig config, EventPublisher outbox) {
        this.em = em;
        this.config = config;
        this.outbox = outbox;
    }

    /** Read for no store: the transaction declares itself a scan, which row-level security admits for SELECT only. */
    @ActivateRequestContext
    @Transactional
    List<UUID> storesWithActivity() {
        em.createNativeQuery("select set_config('app.cart_scan', 'on', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select store_id from cart.store_activity order by store_id").getResultList();
        return rows.stream().map(CartReads::uuid).toList();
    }

    /** One store's pass, in that store's transaction (the caller has bound the store). */
    @Transactional
    int[] sweep(UUID store) {
        String retention = config.session().retention().toSeconds() + " seconds";
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select id, expires_at from cart.cart where store_id = :store and status = 'OPEN' "
                + "and expires_at <= now() order by id for update skip locked").setParameter("store", store).getResultList();
        int expired = 0;
        if (!due.isEmpty()) {
            List<UUID> ids = due.stream().map(r -> CartReads.uuid(r[0])).toList();
            expired = em.createNativeQuery("update cart.cart set status = 'EXPIRED', updated_at = expires_at where store_id = :store "
                    + "and id in (:ids)").setParameter("store", store).setParameter("ids", ids).executeUpdate();
            outbox.publishAll(due.stream().map(r -> new CartExpired(CartReads.uuid(r[0]), CartReads.instant(r[1]))).toList());
        }
        int deleted = em.createNativeQuery("delete from cart.cart where store_id = :store and status <> 'OPEN' "
                + "and updated_at < now() - cast(:retention as interval)").setParameter("store", store)
                .setParameter("retention", retention).executeUpdate();
        int sessions = em.createNativeQuery("delete from cart.shopper_session where store_id = :store "
                + "and started_at < now() - cast(:retention as interval)").setParameter("store", store)
                .setParameter("retention", retention).executeUpdate();
        em.createNativeQuery("delete from cart.store_activity where store_id = :store "
                + "and not exists (select 1 from cart.cart c where c.store_id = :store) "
                + "and not exists (select 1 from cart.shopper_session s where s.store_id = :store)")
                .setParameter("store", store).executeUpdate();
        return new int[] {expired, deleted, sessions};
    }
}
