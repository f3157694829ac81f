package io.shopgraph.analytics.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.analytics.application.AnalyticsViews.AbandonedCartLineView;
import io.shopgraph.analytics.application.AnalyticsViews.AbandonedCartView;
import io.shopgraph.analytics.application.AnalyticsViews.AnalyticsBucketView;
import io.shopgraph.analytics.application.AnalyticsViews.AnalyticsFiguresView;
import io.shopgraph.analytics.application.AnalyticsViews.CheckoutStepView;
import io.shopgraph.analytics.application.AnalyticsViews.ProductAnalyticsView;
import io.shopgraph.analytics.application.AnalyticsViews.StoreAnalyticsView;
import io.shopgraph.analytics.application.AnalyticsViews.TrafficSourceView;
import io.shopgraph.analytics.domain.AnalyticsGranularity;
import io.shopgraph.analytics.domain.Figures;
import io.shopgraph.analytics.domain.ReportWindow;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreSettings;

/**
 * The merchant reports. storeAnalytics reads only rollups (after {@link Rollups#refreshNow}) plus, for the carts
 * whose abandonment window is still open, the few recent cart facts: a fixed number of statements whatever
 * the period. abandonedCarts pages the cart facts, newest activity first.
 */
@ApplicationScoped
public class AnalyticsReports {

    private final EntityManager em;
    private final Rollups rollups;
    private final StoreApi stores;
    private final AnalyticsConfig config;

    AnalyticsReports(EntityManager em, Rollups rollups, StoreApi stores, AnalyticsConfig config) {
        this.em = em;
        this.rollups = rollups;
        this.stores = stores;
        this.config = config;
    }

    /** The store's report; BAD_REQUEST for an unknown time zone, a reversed or too long period, a bad top count. */
    @Transactional
    public StoreAnalyticsView report(StoreId storeId, LocalDate from, LocalDate to, AnalyticsGranularity granularity, String timezone,
            Integer top) {
        StoreSettings settings = stores.settings(Set.of(storeId)).get(storeId);
        ZoneId zone = zone(timezone != null ? timezone : settings.timezone());
        int limit = top == null ? config.defaultTop() : top;
        if (limit < 0 || limit > config.maxTop()) {
            throw ApiException.badRequest("'top' must be between 0 and " + config.maxTop() + ".");
        }
        ReportWindow window;
        try {
            window = ReportWindow.of(from, to, zone, granularity == null ? AnalyticsGranularity.DAY : granularity, config.maxRangeDays());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        UUID store = storeId.value();
        String currency = settings.currencyCode();
        rollups.refreshNow(store, settings.timezone());

        Map<LocalDate, Figures> buckets = new LinkedHashMap<>();
        window.buckets().forEach(b -> buckets.put(b, Figures.ZERO));
        String unit = window.granularity().sqlUnit();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (zone.getId().equals(settings.timezone()) ? storeZoneSeries(store, window) : anyZoneSeries(store, window))
                .getResultList();
        for (Object[] r : rows) {
            buckets.merge(LocalDate.parse((String) r[0]), new Figures(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), 0, n(r[6]), n(r[7]), n(r[8]),
                    n(r[9]), n(r[10])), Figures::plus);
        }
        String abandonment = config.abandonmentWindow().toSeconds() + " seconds";
        // The carts whose window is open (the last day's): a lateral probe per cart, since an anti-join would hash
        // every order of the store.
        @SuppressWarnings("unchecked")
        List<Object[]> pending = em.createNativeQuery("select to_char(date_trunc(:unit, c.first_line_at at time zone :tz), 'YYYY-MM-DD'), "
                + "count(*) from analytics.cart c left join lateral (select 1 hit from analytics.orders o where o.store_id = :s "
                + "and o.cart_id = c.id and o.placed_at <= c.last_line_at + cast(:w as interval) limit 1) o on true "
                + "where c.store_id = :s and c.first_line_at is not null and c.merged_into is null "
                + "and c.last_line_at > now() - cast(:w as interval) and c.first_line_at >= to_timestamp(:start) "
                + "and c.first_line_at < to_timestamp(:end) and o.hit is null group by 1")
                .setParameter("unit", unit).setParameter("tz", zone.getId()).setParameter("s", store).setParameter("w", abandonment)
                .setParameter("start", window.start().getEpochSecond()).setParameter("end", window.end().getEpochSecond()).getResultList();
        for (Object[] r : pending) {
            buckets.computeIfPresent(LocalDate.parse((String) r[0]), (k, f) -> f.withPending(f.cartsPending() + n(r[1])));
        }
        Figures total = buckets.values().stream().reduce(Figures.ZERO, Figures::plus);
        List<AnalyticsBucketView> series = new ArrayList<>();
        buckets.forEach((start, f) -> series.add(new AnalyticsBucketView(start, AnalyticsFiguresView.of(f, currency))));

        TopLists tops = topLists(store, window, limit);
        List<CheckoutStepView> funnel = new ArrayList<>();
        long previous = total.checkoutsStarted();
        for (TopRow step : tops.steps()) {
            int colon = step.key().indexOf(':');
            long reached = step.sessions();
            long drop = previous - reached;
            funnel.add(new CheckoutStepView(Integer.parseInt(step.key().substring(0, colon)), step.key().substring(colon + 1), reached, drop,
                    previous == 0 ? null : (double) drop / previous));
            previous = reached;
        }
        return new StoreAnalyticsView(from, to, zone.getId(), window.granularity(), AnalyticsFiguresView.of(total, currency), series, funnel,
                tops.products(), tops.referrers(), tops.landingPages(), tops.campaigns());
    }

    private static final String SUMS = "sum(r.sessions) a, sum(r.carts_created) b, sum(r.carts_with_lines) c, sum(r.merged_carts_with_lines) e, "
            + "sum(r.carts_ordered) f, sum(r.checkouts_started) g, sum(r.orders) h, sum(r.revenue_minor) i, sum(r.refunds_minor) j, "
            + "sum(r.orders_cancelled) k";

    /** In the store's own zone (the default): its local-day rows, at most 366 a year, grouped into weeks or months. */
    private jakarta.persistence.Query storeZoneSeries(UUID store, ReportWindow window) {
        return em.createNativeQuery("select to_char(date_trunc(:unit, cast(r.day as timestamp)), 'YYYY-MM-DD'), " + SUMS
                + " from analytics.rollup_day r where r.store_id = :s and r.day >= cast(:from as date) and r.day <= cast(:to as date) group by 1")
                .setParameter("unit", window.granularity().sqlUnit()).setParameter("s", store).setParameter("from", window.from().toString())
                .setParameter("to", window.to().toString());
    }

    /**
     * In any other zone: the UTC-hour rows when every offset of the zone in the period is a whole hour (8,760 a year),
     * else the quarter-hour rows (35,040 a year: Kathmandu, Newfoundland, Lord Howe...), re-bucketed in the zone.
     */
    private jakarta.persistence.Query anyZoneSeries(UUID store, ReportWindow window) {
        // Formatted after grouping: to_char on every row is a third of the statement's time.
        return em.createNativeQuery("select to_char(d, 'YYYY-MM-DD'), a, b, c, e, f, g, h, i, j, k from (select date_trunc(:unit, "
                + "r.bucket at time zone :tz) d, " + SUMS + " from analytics." + (window.wholeHourOffsets() ? "rollup_hour" : "rollup")
                + " r where r.store_id = :s and r.bucket >= to_timestamp(:start) and r.bucket < to_timestamp(:end) group by 1) x")
                .setParameter("unit", window.granularity().sqlUnit()).setParameter("tz", window.zone().getId()).setParameter("s", store)
                .setParameter("start", window.start().getEpochSecond()).setParameter("end", window.end().getEpochSecond());
    }

    record TopRow(String kind, String key, long views, long adds, long purchases, long sessions) {
    }

    record TopLists(List<ProductAnalyticsView> products, List<TrafficSourceView> referrers, List<TrafficSourceView> landingPages,
            List<TrafficSourceView> campaigns, List<TopRow> steps) {
    }

    /** Every top list in one statement: UTC-month, UTC-day and quarter-hour rows that cover the period without overlap. */
    private TopLists topLists(UUID store, ReportWindow window, int limit) {
        ReportWindow.TopRanges r = window.topRanges();
        // One range scan per part (UNION ALL rather than OR: each part is an index-only scan of the key).
        String part = "select kind, key, views, adds, purchases, sessions from analytics.top_item where store_id = :s and level = ";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with x as (" + part + "'M' and bucket >= to_timestamp(:m0) and bucket < to_timestamp(:m1) "
                + "union all " + part + "'D' and bucket >= to_timestamp(:d0) and bucket < to_timestamp(:d1) "
                + "union all " + part + "'D' and bucket >= to_timestamp(:d2) and bucket < to_timestamp(:d3) "
                + "union all " + part + "'Q' and bucket >= to_timestamp(:q0) and bucket < to_timestamp(:q1) "
                + "union all " + part + "'Q' and bucket >= to_timestamp(:q2) and bucket < to_timestamp(:q3)), "
                + "t as (select kind, key, sum(views) views, sum(adds) adds, sum(purchases) purchases, sum(sessions) sessions from x "
                + "group by kind, key), r as (select t.*, row_number() over (partition by kind order by case when kind = 'PRODUCT' then purchases "
                + "else sessions end desc, adds desc, views desc, key collate \"C\") n from t) "
                + "select kind, key, views, adds, purchases, sessions from r where n <= :top or kind = 'CHECKOUT_STEP' order by kind, n")
                .setParameter("s", store)
                .setParameter("m0", r.months().start().getEpochSecond()).setParameter("m1", r.months().end().getEpochSecond())
                .setParameter("d0", r.daysBefore().start().getEpochSecond()).setParameter("d1", r.daysBefore().end().getEpochSecond())
                .setParameter("d2", r.daysAfter().start().getEpochSecond()).setParameter("d3", r.daysAfter().end().getEpochSecond())
                .setParameter("q0", r.quartersBefore().start().getEpochSecond()).setParameter("q1", r.quartersBefore().end().getEpochSecond())
                .setParameter("q2", r.quartersAfter().start().getEpochSecond()).setParameter("q3", r.quartersAfter().end().getEpochSecond())
                .setParameter("top", limit).getResultList();
        List<ProductAnalyticsView> products = new ArrayList<>();
        List<TrafficSourceView> referrers = new ArrayList<>();
        List<TrafficSourceView> landing = new ArrayList<>();
        List<TrafficSourceView> campaigns = new ArrayList<>();
        List<TopRow> steps = new ArrayList<>();
        for (Object[] x : rows) {
            TopRow row = new TopRow((String) x[0], (String) x[1], n(x[2]), n(x[3]), n(x[4]), n(x[5]));
            switch (row.kind()) {
                case "PRODUCT" -> products.add(new ProductAnalyticsView(GlobalId.format("Product", UUID.fromString(row.key())), row.views(),
                        row.adds(), row.purchases()));
                case "REFERRER" -> referrers.add(new TrafficSourceView(row.key(), row.sessions()));
                case "LANDING_PAGE" -> landing.add(new TrafficSourceView(row.key(), row.sessions()));
                case "CAMPAIGN" -> campaigns.add(new TrafficSourceView(row.key(), row.sessions()));
                case "CHECKOUT_STEP" -> steps.add(row);
                default -> {
                    // a kind this version does not report
                }
            }
        }
        return new TopLists(products, referrers, landing, campaigns, steps);
    }

    /**
     * Abandoned carts with contact details (email or phone) and lines, whose last line change falls on the local
     * days from..to of the store's time zone, newest first.
     */
    @Transactional
    public Page<AbandonedCartView> abandonedCarts(StoreId storeId, LocalDate from, LocalDate to, PageRequest request) {
        if (request.backward()) {
            throw ApiException.badRequest("abandonedCarts pages forward only (first/after).");
        }
        StoreSettings settings = stores.settings(Set.of(storeId)).get(storeId);
        ZoneId zone = zone(settings.timezone());
        ReportWindow window;
        try {
            window = ReportWindow.of(from, to, zone, AnalyticsGranularity.DAY, config.maxRangeDays());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        long afterMicros = Long.MAX_VALUE;
        String afterId = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        if (request.cursor().isPresent()) {
            List<String> keys = Cursor.decode(request.cursor().get(), 2);
            try {
                afterMicros = Long.parseLong(keys.get(0));
                afterId = UUID.fromString(keys.get(1)).toString();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("The cursor is not valid for this list.");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, c.customer_id, c.email, c.phone, c.country_code, c.created_at, c.last_line_at, "
                + "cast(floor(extract(epoch from c.last_line_at) * 1000000) as bigint), l.units, l.subtotal "
                + "from analytics.cart c cross join lateral (select coalesce(sum(x.quantity), 0) units, "
                + "coalesce(sum(x.quantity * x.unit_price_minor), 0) subtotal from analytics.cart_line x "
                + "where x.store_id = c.store_id and x.cart_id = c.id) l "
                + "where c.store_id = :s and c.first_line_at is not null and c.merged_into is null and c.line_count > 0 "
                + "and (c.email is not null or c.phone is not null) "
                + "and c.last_line_at >= to_timestamp(:start) and c.last_line_at < to_timestamp(:end) "
                + "and c.last_line_at <= now() - cast(:w as interval) "
                + "and not exists (select 1 from analytics.orders o where o.store_id = :s and o.cart_id = c.id "
                + "and o.placed_at <= c.last_line_at + cast(:w as interval)) "
                + "and (cast(floor(extract(epoch from c.last_line_at) * 1000000) as bigint), cast(c.id as text)) < (:am, :aid) "
                + "order by c.last_line_at desc, c.id desc limit :n")
                .setParameter("s", storeId.value()).setParameter("start", window.start().getEpochSecond())
                .setParameter("end", window.end().getEpochSecond()).setParameter("w", config.abandonmentWindow().toSeconds() + " seconds")
                .setParameter("am", afterMicros).setParameter("aid", afterId).setParameter("n", request.size() + 1).getResultList();
        String currency = settings.currencyCode();
        List<AbandonedCartView> carts = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            UUID customer = (UUID) r[1];
            carts.add(new AbandonedCartView(id, GlobalId.format("Cart", id), customer == null ? null : GlobalId.format("Customer", customer),
                    (String) r[2], (String) r[3], (String) r[4], instant(r[5]), instant(r[6]), n(r[8]),
                    MoneyView.of(Money.of(n(r[9]), currency)), Cursor.encode(Long.toString(n(r[7])), id.toString())));
        }
        return Page.of(carts, request);
    }

    /** The lines of several abandoned carts in one statement, realigned with {@code carts}. */
    @Transactional
    public List<List<AbandonedCartLineView>> lines(StoreId storeId, List<AbandonedCartView> carts) {
        if (carts.isEmpty()) {
            return List.of();
        }
        String currency = stores.settings(Set.of(storeId)).get(storeId).currencyCode();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.cart_id, l.variant_id, l.product_id, l.quantity, l.unit_price_minor, l.currency_code "
                + "from analytics.cart_line l where l.store_id = :s and l.cart_id in (:ids) order by l.cart_id, l.line_id")
                .setParameter("s", storeId.value()).setParameter("ids", carts.stream().map(AbandonedCartView::id).toList()).getResultList();
        Map<UUID, List<AbandonedCartLineView>> byCart = new HashMap<>();
        for (Object[] r : rows) {
            UUID cart = (UUID) r[0];
            UUID variant = (UUID) r[1];
            UUID product = (UUID) r[2];
            byCart.computeIfAbsent(cart, k -> new ArrayList<>()).add(new AbandonedCartLineView(cart,
                    variant == null ? null : GlobalId.format("ProductVariant", variant), product == null ? null : GlobalId.format("Product", product),
                    ((Number) r[3]).intValue(), MoneyView.of(Money.of(n(r[4]), r[5] == null ? currency : (String) r[5]))));
        }
        return carts.stream().map(c -> byCart.getOrDefault(c.id(), List.of())).toList();
    }

    private static ZoneId zone(String id) {
        // Region ids only (Europe/Paris, Etc/GMT+5): the database reads the same names the same way, while a bare
        // offset such as "+05:00" means the opposite sign to PostgreSQL's "at time zone".
        if (id == null || id.length() > 64 || !ZoneId.getAvailableZoneIds().contains(id)) {
            throw ApiException.badRequest("'timezone' must be an IANA time zone such as Europe/Paris.");
        }
        return ZoneId.of(id);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time " + o.getClass());
    }
}
