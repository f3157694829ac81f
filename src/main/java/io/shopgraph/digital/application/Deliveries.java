package io.shopgraph.digital.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.orders.api.OrderViews.OrderLineView;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The digital delivery of a paid order, made once per order (the delivery row is the idempotency mark): one
 * download grant per READY file per DIGITAL line, and, for a variant that has a key pool, one key per unit taken
 * with {@code for update skip locked} so that concurrent deliveries never hand out the same key. A pool that runs
 * empty leaves the line awaiting keys; {@link #fillAwaiting} hands keys to waiting lines when the merchant adds some.
 */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;
    private final TenantContext tenant;
    private final OrdersApi orders;
    private final CatalogApi catalog;
    private final DownloadLinks links;
    private final DigitalConfig config;

    Deliveries(EntityManager em, TenantContext tenant, OrdersApi orders, CatalogApi catalog, DownloadLinks links, DigitalConfig config) {
        this.em = em;
        this.tenant = tenant;
        this.orders = orders;
        this.catalog = catalog;
        this.links = links;
        this.config = config;
    }

    /** Delivers the order's DIGITAL lines; false when it has none or was delivered before. */
    @Transactional
    public boolean deliver(UUID orderId) {
        UUID store = tenant.requireStore().value();
        Optional<OrderView> order = orders.order(orderId);
        if (order.isEmpty()) {
            return false;
        }
        List<OrderLineView> lines = order.get().lines();
        Map<UUID, PurchasableVariant> variants = catalog.purchasableVariants(lines.stream().map(OrderLineView::variantUuid).distinct().toList());
        List<OrderLineView> digital = lines.stream()
                .filter(l -> variants.containsKey(l.variantUuid()) && variants.get(l.variantUuid()).kind() == ProductKind.DIGITAL).toList();
        if (digital.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        int fresh = em.createNativeQuery("insert into digital.delivery (store_id, order_id, delivered_at) values (:s, :o, :now) on conflict do nothing")
                .setParameter("s", store).setParameter("o", orderId).setParameter("now", now).executeUpdate();
        if (fresh == 0) {
            return false; // delivered before (a repeated event)
        }
        List<UUID> variantIds = digital.stream().map(OrderLineView::variantUuid).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> files = em.createNativeQuery("select id, variant_id from digital.file where store_id = :s and variant_id in (:v) "
                + "and status = 'READY' order by created_at, id").setParameter("s", store).setParameter("v", variantIds).getResultList();
        @SuppressWarnings("unchecked")
        List<Object> keyed = em.createNativeQuery("select distinct variant_id from digital.license_key where store_id = :s and variant_id in (:v)")
                .setParameter("s", store).setParameter("v", variantIds).getResultList();
        Set<UUID> usesKeys = new HashSet<>();
        keyed.forEach(v -> usesKeys.add(Rows.uuid(v)));
        Instant expires = now.plus(config.links().expiresAfter());
        for (OrderLineView line : digital) {
            for (Object[] file : files) {
                if (Rows.uuid(file[1]).equals(line.variantUuid())) {
                    grant(store, orderId, line.uuid(), Rows.uuid(file[0]), expires, now);
                }
            }
            if (usesKeys.contains(line.variantUuid())) {
                int assigned = claimKeys(store, line.variantUuid(), orderId, line.uuid(), line.quantity(), now);
                em.createNativeQuery("insert into digital.delivery_line (store_id, order_id, order_line_id, variant_id, quantity, keys_missing) "
                        + "values (:s, :o, :l, :v, :q, :m)").setParameter("s", store).setParameter("o", orderId).setParameter("l", line.uuid())
                        .setParameter("v", line.variantUuid()).setParameter("q", line.quantity()).setParameter("m", line.quantity() - assigned)
                        .executeUpdate();
            }
        }
        return true;
    }

    private void grant(UUID store, UUID orderId, UUID lineId, UUID fileId, Instant expires, Instant now) {
        UUID id = Ids.newId();
        String salt = DownloadLinks.newSalt();
        em.createNativeQuery("insert into digital.download_grant (store_id, id, order_id, order_line_id, file_id, token_salt, token_hash, "
                + "expires_at, download_limit, created_at) values (:s, :id, :o, :l, :f, :salt, :hash, :exp, :lim, :now)")
                .setParameter("s", store).setParameter("id", id).setParameter("o", orderId).setParameter("l", lineId).setParameter("f", fileId)
                .setParameter("salt", salt).setParameter("hash", links.tokenHash(id, salt)).setParameter("exp", expires)
                .setParameter("lim", config.links().downloadLimit()).setParameter("now", now).executeUpdate();
    }

    /**
     * Hands up to {@code wanted} free keys of the variant to the line, oldest first. Rows another transaction holds are
     * skipped, never waited for, and each is taken by a conditional update, so a key goes to one line only.
     */
    int claimKeys(UUID store, UUID variantId, UUID orderId, UUID lineId, int wanted, Instant now) {
        if (wanted <= 0) {
            return 0;
        }
        // A materialized CTE picks the rows once: as an IN subquery, a rescan could pick other rows and exceed the limit.
        return em.createNativeQuery("with picked as materialized (select id from digital.license_key where store_id = :s "
                + "and variant_id = :v and order_id is null order by created_at, id limit :n for update skip locked) "
                + "update digital.license_key k set order_id = :o, order_line_id = :l, assigned_at = :now from picked "
                + "where k.store_id = :s and k.id = picked.id and k.order_id is null")
                .setParameter("o", orderId).setParameter("l", lineId).setParameter("now", now).setParameter("s", store)
                .setParameter("v", variantId).setParameter("n", wanted).executeUpdate();
    }

    /** Gives the variant's free keys to lines that wait for keys, oldest delivery first; answers how many were handed out. */
    int fillAwaiting(UUID store, UUID variantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("select l.order_id, l.order_line_id, l.keys_missing from digital.delivery_line l "
                + "join digital.delivery d on d.store_id = l.store_id and d.order_id = l.order_id where l.store_id = :s and l.variant_id = :v "
                + "and l.keys_missing > 0 order by d.delivered_at, l.order_line_id for update of l").setParameter("s", store)
                .setParameter("v", variantId).getResultList();
        int total = 0;
        Instant now = Instant.now();
        for (Object[] line : new ArrayList<>(waiting)) {
            int assigned = claimKeys(store, variantId, Rows.uuid(line[0]), Rows.uuid(line[1]), Rows.integer(line[2]), now);
            if (assigned == 0) {
                break;
            }
            em.createNativeQuery("update digital.delivery_line set keys_missing = keys_missing - :n where store_id = :s and order_line_id = :l")
                    .setParameter("n", assigned).setParameter("s", store).setParameter("l", Rows.uuid(line[1])).executeUpdate();
            total += assigned;
        }
        return total;
    }
}
