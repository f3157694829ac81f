package io.shopgraph.analytics.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The transactions of {@link AnalyticsRetention}: the stores to visit, closing a store's old buckets, one batch of deletes. */
@ApplicationScoped
class RetentionSweeps {

    /** The fact tables, in the order they are swept (each batch takes a parent's children with it). */
    static final List<String> TABLES = List.of("session", "product_view", "line_add", "cart", "checkout", "orders", "refund");

    /**
     * One batch per table: up to :n rows older than the cutoff (by the instant their figures are counted at; the
     * latest of them for carts and orders), with their child rows. Returns the parent rows deleted.
     */
    private static final Map<String, String> BATCH = Map.of(
            "session", "with d as (delete from analytics.session where store_id = :s and id in (select id from analytics.session "
                    + "where store_id = :s and started_at < to_timestamp(:c) limit :n) returning 1) select count(*) from d",
            "product_view", "with d as (delete from analytics.product_view where store_id = :s and event_id in (select event_id "
                    + "from analytics.product_view where store_id = :s and viewed_at < to_timestamp(:c) limit :n) returning 1) select count(*) from d",
            "line_add", "with d as (delete from analytics.line_add where store_id = :s and event_id in (select event_id "
                    + "from analytics.line_add where store_id = :s and added_at < to_timestamp(:c) limit :n) returning 1) select count(*) from d",
            "cart", "with d as (delete from analytics.cart where store_id = :s and id in (select id from analytics.cart where store_id = :s "
                    + "and coalesce(last_line_at, created_at, expired_at) < to_timestamp(:c) limit :n) returning id), "
                    + "l as (delete from analytics.cart_line x using d where x.store_id = :s and x.cart_id = d.id) select count(*) from d",
            "checkout", "with d as (delete from analytics.checkout where store_id = :s and id in (select id from analytics.checkout "
                    + "where store_id = :s and started_at < to_timestamp(:c) limit :n) returning id), "
                    + "l as (delete from analytics.checkout_step x using d where x.store_id = :s and x.checkout_id = d.id) select count(*) from d",
            "orders", "with d as (delete from analytics.orders where store_id = :s and id in (select id from analytics.orders "
                    + "where store_id = :s and greatest(placed_at, cancelled_at) < to_timestamp(:c) limit :n) returning id), "
                    + "l as (delete from analytics.order_line x using d where x.store_id = :s and x.order_id = d.id) select count(*) from d",
            "refund", "with d as (delete from analytics.refund where store_id = :s and id in (select id from analytics.refund "
                    + "where store_id = :s and created_at < to_timestamp(:c) limit :n) returning 1) select count(*) from d");

    private final EntityManager em;
    private final Rollups rollups;

    RetentionSweeps(EntityManager em, Rollups rollups) {
        this.em = em;
        this.rollups = rollups;
    }

    /**
     * The stores with rollups or with facts not rolled up yet, by a skip scan of both keys (one index probe per store).
     * Read for no store: the transaction declares itself a scan, which row-level security admits for SELECT only.
     */
    @ActivateRequestContext
    @Transactional
    List<UUID> storesWithAnalytics() {
        em.createNativeQuery("select set_config('app.analytics_scan', 'on', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("with recursive h(id) as ((select store_id from analytics.rollup_hour order by store_id limit 1) "
                + "union all select (select x.store_id from analytics.rollup_hour x where x.store_id > h.id order by x.store_id limit 1) "
                + "from h where h.id is not null), "
                + "d(id) as ((select store_id from analytics.dirty_bucket order by store_id limit 1) "
                + "union all select (select x.store_id from analytics.dirty_bucket x where x.store_id > d.id order by x.store_id limit 1) "
                + "from d where d.id is not null) "
                + "select id from h where id is not null union select id from d where id is not null order by 1").getResultList();
        return rows.stream().map(r -> r instanceof UUID u ? u : UUID.fromString(r.toString())).toList();
    }

    /** Rolls up what is dirty, then moves the store's horizon to the cutoff (never back): the rollups before it are final. */
    @Transactional
    void closeBefore(UUID store, Instant cutoff) {
        rollups.refresh(store, rollups.zoneOf(store));
        em.createNativeQuery("insert into analytics.fact_horizon (store_id, facts_from) values (:s, to_timestamp(:c)) on conflict (store_id) "
                + "do update set facts_from = greatest(analytics.fact_horizon.facts_from, excluded.facts_from)")
                .setParameter("s", store).setParameter("c", cutoff.getEpochSecond()).executeUpdate();
    }

    @Transactional
    int deleteBatch(String table, UUID store, Instant cutoff, int n) {
        return ((Number) em.createNativeQuery(BATCH.get(table)).setParameter("s", store).setParameter("c", cutoff.getEpochSecond()).setParameter("n", n)
                .getSingleResult()).intValue();
    }
}
