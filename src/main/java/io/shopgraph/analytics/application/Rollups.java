package io.shopgraph.analytics.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.store.api.StoreApi;

/**
 * Keeps the rollups equal to the facts. {@link #refresh} recomputes, from the facts, every quarter-hour the
 * consumer marked dirty (counters per quarter-hour and hour, quarter-hour top-list rows, and the UTC days and months that hold them) and clears
 * the marks: it runs at the start of every report, so an answer always reconciles exactly with the facts
 * recorded so far. Recomputing (rather than adding to counters as events arrive) makes it idempotent and
 * independent of the order in which events of different aggregates arrive. {@link #rebuild} throws a store's
 * rollups away and recomputes them all (after a change of the abandonment window, or to prove they match).
 */
@ApplicationScoped
public class Rollups {

    /** The dirty quarter-hours of the refresh, as epoch seconds joined by commas (one text parameter). */
    private static final String BUCKETS = "b(bucket) as (select to_timestamp(cast(x as bigint)) from unnest(string_to_array(:b, ',')) x)";
    private static final String IN_BUCKET = " >= b.bucket and %s < b.bucket + interval '15 minutes'";

    private final EntityManager em;
    private final AnalyticsConfig config;
    private final StoreApi stores;

    Rollups(EntityManager em, AnalyticsConfig config, StoreApi stores) {
        this.em = em;
        this.config = config;
        this.stores = stores;
    }

    /**
     * {@link #refresh} in a transaction of its own, committed before the caller reads: queries run in a read-only
     * transaction, and what is recomputed is kept for the next report anyway.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refreshNow(UUID store, String zone) {
        refresh(store, zone);
    }

    /**
     * Recomputes the store's dirty quarter-hours inside the caller's transaction, and the local days (in {@code zone},
     * the store's time zone) that hold them; 1 statement when none is dirty and the day rows are in that zone, 10
     * otherwise (3 more to recompute every day row when the store's zone is not the one they were computed in).
     */
    void refresh(UUID store, String zone) {
        // One statement whatever happens: takes the dirty marks (those before the retention horizon keep their rollups:
        // their facts are, or are being, deleted) and reads the zone of the day rows.
        Object[] head = (Object[]) em.createNativeQuery("with d as (delete from analytics.dirty_bucket where store_id = :s returning bucket) "
                + "select (select string_agg(cast(cast(extract(epoch from d.bucket) as bigint) as text), ',') from d where d.bucket >= "
                + "coalesce((select h.facts_from from analytics.fact_horizon h where h.store_id = :s), '-infinity')), "
                + "(select z.zone from analytics.day_zone z where z.store_id = :s)").setParameter("s", store).getSingleResult();
        String buckets = (String) head[0];
        boolean daysInZone = zone.equals(head[1]);
        if (buckets != null) {
            refreshQuarters(store, buckets);
            if (daysInZone) {
                refreshDays(store, buckets, zone);
            }
        }
        if (!daysInZone) {
            recomputeDays(store, zone);
        }
    }

    /**
     * The local days of {@code zone} holding the dirty quarter-hours, summed again from their quarter-hour rows (exact for
     * any offset: every zone's midnight falls on a quarter-hour).
     */
    private void refreshDays(UUID store, String buckets, String zone) {
        em.createNativeQuery("with d(day) as (select distinct cast(to_timestamp(cast(x as bigint)) at time zone :tz as date) "
                + "from unnest(string_to_array(:b, ',')) x) insert into analytics.rollup_day (" + DAY_COLUMNS + ") select :s, d.day, "
                + DAY_SUMS + " from d join analytics.rollup r on r.store_id = :s and r.bucket >= cast(d.day as timestamp) at time zone :tz "
                + "and r.bucket < cast(d.day + 1 as timestamp) at time zone :tz group by d.day " + DAY_UPSERT)
                .setParameter("s", store).setParameter("b", buckets).setParameter("tz", zone).executeUpdate();
    }

    /** Every day row of the store again, in {@code zone} (the store's zone changed, or a rebuild dropped them). */
    private void recomputeDays(UUID store, String zone) {
        em.createNativeQuery("delete from analytics.rollup_day where store_id = :s").setParameter("s", store).executeUpdate();
        // Upserts: a report running the same recomputation at the same moment must not fail on the other's rows.
        em.createNativeQuery("insert into analytics.rollup_day (" + DAY_COLUMNS + ") select :s, cast(r.bucket at time zone :tz as date), "
                + DAY_SUMS + " from analytics.rollup r where r.store_id = :s group by 2 " + DAY_UPSERT)
                .setParameter("s", store).setParameter("tz", zone).executeUpdate();
        em.createNativeQuery("insert into analytics.day_zone (store_id, zone) values (:s, :tz) on conflict (store_id) do update "
                + "set zone = excluded.zone").setParameter("s", store).setParameter("tz", zone).executeUpdate();
    }

    private static final String DAY_COLUMNS = "store_id, day, sessions, carts_created, carts_with_lines, merged_carts_with_lines, "
            + "carts_ordered, checkouts_started, orders, revenue_minor, refunds_minor, orders_cancelled";
    private static final String DAY_SUMS = "sum(r.sessions), sum(r.carts_created), sum(r.carts_with_lines), sum(r.merged_carts_with_lines), "
            + "sum(r.carts_ordered), sum(r.checkouts_started), sum(r.orders), sum(r.revenue_minor), sum(r.refunds_minor), sum(r.orders_cancelled)";
    private static final String DAY_UPSERT = "on conflict (store_id, day) do update set sessions = excluded.sessions, "
            + "carts_created = excluded.carts_created, carts_with_lines = excluded.carts_with_lines, "
            + "merged_carts_with_lines = excluded.merged_carts_with_lines, carts_ordered = excluded.carts_ordered, "
            + "checkouts_started = excluded.checkouts_started, orders = excluded.orders, revenue_minor = excluded.revenue_minor, "
            + "refunds_minor = excluded.refunds_minor, orders_cancelled = excluded.orders_cancelled";

    /** The quarter-hour and hour counters and the top-list rows of the dirty quarter-hours (8 statements). */
    private void refreshQuarters(UUID store, String buckets) {
        String window = config.abandonmentWindow().toSeconds() + " seconds";
        em.createNativeQuery("with " + BUCKETS + " insert into analytics.rollup (store_id, bucket, sessions, carts_created, "
                + "carts_with_lines, merged_carts_with_lines, carts_ordered, checkouts_started, orders, revenue_minor, refunds_minor, "
                + "orders_cancelled) select :s, b.bucket, "
                + "(select count(*) from analytics.session x where x.store_id = :s and x.started_at" + in("x.started_at") + "), "
                + "(select count(*) from analytics.cart x where x.store_id = :s and x.created_at" + in("x.created_at") + "), "
                + "(select count(*) from analytics.cart x where x.store_id = :s and x.first_line_at" + in("x.first_line_at") + "), "
                + "(select count(*) from analytics.cart x where x.store_id = :s and x.first_line_at" + in("x.first_line_at")
                + " and x.merged_into is not null), "
                + "(select count(*) from analytics.cart x where x.store_id = :s and x.first_line_at" + in("x.first_line_at")
                + " and x.merged_into is null and exists (select 1 from analytics.orders o where o.store_id = :s and o.cart_id = x.id "
                + "and o.placed_at <= x.last_line_at + cast(:w as interval))), "
                + "(select count(*) from analytics.checkout x where x.store_id = :s and x.started_at" + in("x.started_at") + "), "
                + "(select count(*) from analytics.orders x where x.store_id = :s and x.placed_at" + in("x.placed_at") + "), "
                + "(select coalesce(sum(x.total_minor), 0) from analytics.orders x where x.store_id = :s and x.placed_at" + in("x.placed_at") + "), "
                + "(select coalesce(sum(x.amount_minor), 0) from analytics.refund x where x.store_id = :s and x.created_at" + in("x.created_at") + "), "
                + "(select count(*) from analytics.orders x where x.store_id = :s and x.cancelled_at" + in("x.cancelled_at") + ") "
                + "from b on conflict (store_id, bucket) do update set sessions = excluded.sessions, carts_created = excluded.carts_created, "
                + "carts_with_lines = excluded.carts_with_lines, merged_carts_with_lines = excluded.merged_carts_with_lines, "
                + "carts_ordered = excluded.carts_ordered, checkouts_started = excluded.checkouts_started, orders = excluded.orders, "
                + "revenue_minor = excluded.revenue_minor, refunds_minor = excluded.refunds_minor, orders_cancelled = excluded.orders_cancelled")
                .setParameter("s", store).setParameter("b", buckets).setParameter("w", window).executeUpdate();
        String hours = "h(hour) as (select distinct date_trunc('hour', to_timestamp(cast(x as bigint)), 'UTC') "
                + "from unnest(string_to_array(:b, ',')) x)";
        em.createNativeQuery("with " + hours + " insert into analytics.rollup_hour (store_id, bucket, sessions, carts_created, "
                + "carts_with_lines, merged_carts_with_lines, carts_ordered, checkouts_started, orders, revenue_minor, refunds_minor, "
                + "orders_cancelled) select :s, h.hour, "
                + "sum(r.sessions), sum(r.carts_created), sum(r.carts_with_lines), sum(r.merged_carts_with_lines), sum(r.carts_ordered), "
                + "sum(r.checkouts_started), sum(r.orders), sum(r.revenue_minor), sum(r.refunds_minor), sum(r.orders_cancelled) from h join analytics.rollup r on r.store_id = :s "
                + "and r.bucket >= h.hour and r.bucket < h.hour + interval '1 hour' group by h.hour "
                + "on conflict (store_id, bucket) do update set sessions = excluded.sessions, carts_created = excluded.carts_created, "
                + "carts_with_lines = excluded.carts_with_lines, merged_carts_with_lines = excluded.merged_carts_with_lines, "
                + "carts_ordered = excluded.carts_ordered, checkouts_started = excluded.checkouts_started, orders = excluded.orders, "
                + "revenue_minor = excluded.revenue_minor, refunds_minor = excluded.refunds_minor, orders_cancelled = excluded.orders_cancelled")
                .setParameter("s", store).setParameter("b", buckets).executeUpdate();
        em.createNativeQuery("with " + BUCKETS + " delete from analytics.top_item t using b where t.store_id = :s and t.level = 'Q' "
                + "and t.bucket = b.bucket").setParameter("s", store).setParameter("b", buckets).executeUpdate();
        em.createNativeQuery("with " + BUCKETS + ", p(bucket, kind, key, views, adds, purchases, sessions) as ("
                + "select b.bucket, 'PRODUCT', cast(v.product_id as text), 1, 0, 0, 0 from analytics.product_view v join b "
                + "on v.viewed_at" + in("v.viewed_at") + " where v.store_id = :s "
                + "union all select b.bucket, 'PRODUCT', cast(a.product_id as text), 0, a.quantity, 0, 0 from analytics.line_add a join b "
                + "on a.added_at" + in("a.added_at") + " where a.store_id = :s and a.product_id is not null "
                + "union all select b.bucket, 'PRODUCT', cast(l.product_id as text), 0, 0, l.quantity, 0 from analytics.orders o join b "
                + "on o.placed_at" + in("o.placed_at") + " join analytics.order_line l on l.store_id = o.store_id and l.order_id = o.id "
                + "where o.store_id = :s and l.product_id is not null "
                + "union all select b.bucket, 'REFERRER', coalesce(x.referrer_host, '(direct)'), 0, 0, 0, 1 from analytics.session x join b "
                + "on x.started_at" + in("x.started_at") + " where x.store_id = :s "
                + "union all select b.bucket, 'LANDING_PAGE', coalesce(x.landing_path, '(unknown)'), 0, 0, 0, 1 from analytics.session x join b "
                + "on x.started_at" + in("x.started_at") + " where x.store_id = :s "
                + "union all select b.bucket, 'CAMPAIGN', x.utm_campaign, 0, 0, 0, 1 from analytics.session x join b "
                + "on x.started_at" + in("x.started_at") + " where x.store_id = :s and x.utm_campaign is not null "
                + "union all select b.bucket, 'CHECKOUT_STEP', lpad(cast(st.step_index as text), 3, '0') || ':' || st.step, 0, 0, 0, 1 "
                + "from analytics.checkout c join b on c.started_at" + in("c.started_at") + " join analytics.checkout_step st "
                + "on st.store_id = c.store_id and st.checkout_id = c.id where c.store_id = :s) "
                + "insert into analytics.top_item (store_id, level, kind, bucket, key, views, adds, purchases, sessions) "
                + "select :s, 'Q', kind, bucket, key, sum(views), sum(adds), sum(purchases), sum(sessions) from p group by kind, bucket, key")
                .setParameter("s", store).setParameter("b", buckets).executeUpdate();
        String days = "d(day) as (select distinct date_trunc('day', to_timestamp(cast(x as bigint)), 'UTC') from unnest(string_to_array(:b, ',')) x)";
        em.createNativeQuery("with " + days + " delete from analytics.top_item t using d where t.store_id = :s and t.level = 'D' "
                + "and t.bucket = d.day").setParameter("s", store).setParameter("b", buckets).executeUpdate();
        em.createNativeQuery("with " + days + " insert into analytics.top_item (store_id, level, kind, bucket, key, views, adds, purchases, "
                + "sessions) select :s, 'D', t.kind, d.day, t.key, sum(t.views), sum(t.adds), sum(t.purchases), sum(t.sessions) "
                + "from d join analytics.top_item t on t.store_id = :s and t.level = 'Q' and t.bucket >= d.day and t.bucket < d.day + interval '24 hours' "
                + "group by t.kind, d.day, t.key").setParameter("s", store).setParameter("b", buckets).executeUpdate();
        // Months in UTC (added to as UTC timestamps: "+ 1 month" on a timestamptz would follow the session's zone).
        String months = "m(month) as (select distinct date_trunc('month', to_timestamp(cast(x as bigint)), 'UTC') "
                + "from unnest(string_to_array(:b, ',')) x)";
        em.createNativeQuery("with " + months + " delete from analytics.top_item t using m where t.store_id = :s and t.level = 'M' "
                + "and t.bucket = m.month").setParameter("s", store).setParameter("b", buckets).executeUpdate();
        em.createNativeQuery("with " + months + " insert into analytics.top_item (store_id, level, kind, bucket, key, views, adds, purchases, "
                + "sessions) select :s, 'M', t.kind, m.month, t.key, sum(t.views), sum(t.adds), sum(t.purchases), sum(t.sessions) "
                + "from m join analytics.top_item t on t.store_id = :s and t.level = 'D' and t.bucket >= m.month "
                + "and t.bucket < ((m.month at time zone 'UTC') + interval '1 month') at time zone 'UTC' "
                + "group by t.kind, m.month, t.key").setParameter("s", store).setParameter("b", buckets).executeUpdate();
    }

    /**
     * Recomputes all of a store's rollups from its facts: drops them, marks every quarter-hour that holds a fact
     * dirty, and refreshes. Safe to run at any time and any number of times (the result is the same).
     */
    @Transactional
    public void rebuild(UUID store) {
        // Only from the retention horizon (a UTC midnight) on: the rollups before it outlive their deleted facts. The month
        // holding the horizon is recomputed from its day rows, which are kept before it.
        String kept = " and bucket >= coalesce((select h.facts_from from analytics.fact_horizon h where h.store_id = :s), '-infinity')";
        em.createNativeQuery("delete from analytics.rollup where store_id = :s" + kept).setParameter("s", store).executeUpdate();
        em.createNativeQuery("delete from analytics.rollup_hour where store_id = :s" + kept).setParameter("s", store).executeUpdate();
        em.createNativeQuery("delete from analytics.top_item where store_id = :s" + kept).setParameter("s", store).executeUpdate();
        // The day rows are all summed again from the quarter-hour rows (those before the horizon included) by the refresh.
        em.createNativeQuery("delete from analytics.day_zone where store_id = :s").setParameter("s", store).executeUpdate();
        em.createNativeQuery("insert into analytics.dirty_bucket (store_id, bucket) select :s, q from ("
                + "select analytics.quarter(started_at) q from analytics.session where store_id = :s "
                + "union select analytics.quarter(created_at) from analytics.cart where store_id = :s and created_at is not null "
                + "union select analytics.quarter(first_line_at) from analytics.cart where store_id = :s and first_line_at is not null "
                + "union select analytics.quarter(added_at) from analytics.line_add where store_id = :s "
                + "union select analytics.quarter(viewed_at) from analytics.product_view where store_id = :s "
                + "union select analytics.quarter(started_at) from analytics.checkout where store_id = :s "
                + "union select analytics.quarter(placed_at) from analytics.orders where store_id = :s "
                + "union select analytics.quarter(cancelled_at) from analytics.orders where store_id = :s and cancelled_at is not null "
                + "union select analytics.quarter(created_at) from analytics.refund where store_id = :s) all_buckets "
                + "on conflict do nothing").setParameter("s", store).executeUpdate();
        refresh(store, zoneOf(store));
    }

    /** The store's own time zone: the zone of its day rows. */
    String zoneOf(UUID store) {
        StoreId id = new StoreId(store);
        return stores.settings(Set.of(id)).get(id).timezone();
    }

    private static String in(String column) {
        return String.format(IN_BUCKET, column);
    }
}
