package io.shopgraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.analytics.AnalyticsHistory.Dated;
import io.shopgraph.analytics.ExpectedAnalytics.Bucket;
import io.shopgraph.analytics.ExpectedAnalytics.Cart;
import io.shopgraph.analytics.application.AnalyticsFacts;
import io.shopgraph.analytics.application.Rollups;
import io.shopgraph.platform.events.EventEnvelope;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.events.EventTypes;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * A generated, deterministic history (three stores, 1,200 sessions over four months, plus carts still in their
 * abandonment window) is published through the outbox exactly as the cart, checkout and orders modules publish,
 * consumed by analytics, and every figure of storeAnalytics and every abandoned cart is compared with
 * {@link ExpectedAnalytics}, an independent computation in plain Java over the same events, in several time
 * zones (whole-hour, quarter-hour and half-hour offsets, with and without daylight saving) and granularities.
 */
@QuarkusTest
class StoreAnalyticsTest {

    static final String FIGURES = "sessions cartsCreated cartsWithLines checkoutsStarted orders revenue { amount currencyCode } "
            + "refunds { amount } netRevenue { amount } ordersCancelled "
            + "averageOrderValue { amount } conversionRate cartsOrdered abandonedCarts cartsAwaitingOrder cartAbandonmentRate";
    static final String REPORT = "query($f: Date!, $t: Date!, $g: AnalyticsGranularity, $tz: String, $top: Int) { storeAnalytics(from: $f, "
            + "to: $t, granularity: $g, timezone: $tz, top: $top) { from to timezone granularity totals { " + FIGURES + " } buckets { start "
            + "figures { " + FIGURES + " } } checkoutFunnel { stepIndex step reached dropOff dropOffRate } topProducts { productId views adds "
            + "purchases } topReferrers { value sessions } topLandingPages { value sessions } topCampaigns { value sessions } } }";
    static final String ABANDONED = "query($f: Date!, $t: Date!, $n: Int, $a: String) { abandonedCarts(from: $f, to: $t, first: $n, after: $a) { "
            + "edges { cursor } nodes { cartId email phone countryCode totalQuantity lastActivityAt subtotal { amount currencyCode } "
            + "lines { merchandiseId productId quantity unitPrice { amount } } } pageInfo { hasNextPage endCursor } } }";
    static final Duration WINDOW = Duration.ofHours(24);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /**
     * Sessions per store over 120 days: enough for every kind of fact in every case's period (each case asserts its
     * period is not empty) and several pages of abandoned carts, few enough for the consumer to take them in seconds.
     */
    static final int SESSIONS = 400;

    /** The history, published once for the whole class. */
    record World(List<TestStore> stores, List<ExpectedAnalytics> expected, List<List<Map.Entry<UUID, Dated>>> published, Instant now) {
    }

    private static World world;

    @Inject
    EventPublisher publisher;
    @Inject
    TenantScope tenantScope;
    @Inject
    Rollups rollups;
    @Inject
    AnalyticsFacts facts;

    synchronized World world() throws Exception {
        if (world != null) {
            return world;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<TestStore> stores = new ArrayList<>();
        List<ExpectedAnalytics> expected = new ArrayList<>();
        List<List<Map.Entry<UUID, Dated>>> published = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            TestStore store = TestStores.create("analytics-" + s);
            List<List<Dated>> history = AnalyticsHistory.generate(20261126L + s, SESSIONS, 120, Duration.ofDays(3), now);
            List<Map.Entry<UUID, Dated>> ids = new ArrayList<>();
            // 100 sessions per transaction: the outbox rows go in together, and the consumer gets them in full batches.
            for (int from = 0; from < history.size(); from += 100) {
                List<List<Dated>> chunk = history.subList(from, Math.min(history.size(), from + 100));
                ids.addAll(tenantScope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
                    List<Map.Entry<UUID, Dated>> out = new ArrayList<>();
                    for (List<Dated> session : chunk) {
                        for (Dated d : session) {
                            out.add(Map.entry(publisher.publishAllAt(d.at(), List.of(d.event())).get(0), d));
                        }
                    }
                    return out;
                })));
            }
            stores.add(store);
            expected.add(new ExpectedAnalytics(history, WINDOW, now));
            published.add(ids);
        }
        awaitConsumed(stores);
        world = new World(stores, expected, published, now);
        return world;
    }

    /** Waits until the analytics consumer has handled every event of the stores. */
    static void awaitConsumed(List<TestStore> stores) throws Exception {
        OutboxDrain.await("analytics.facts", stores);
    }

    static JsonPath report(TestStore store, LocalDate from, LocalDate to, String granularity, String zone, Integer top) {
        Map<String, Object> vars = new HashMap<>(Map.of("f", from.toString(), "t", to.toString(), "g", granularity));
        if (zone != null) {
            vars.put("tz", zone);
        }
        if (top != null) {
            vars.put("top", top);
        }
        return store.owner().execute(REPORT, vars);
    }

    @Test
    void everyFigureMatchesAnIndependentComputationInEveryTimeZoneAndGranularity() throws Exception {
        World w = world();
        record Case(int store, String zone, String granularity, int fromDaysAgo, int toDaysAgo, int top) {
        }
        List<Case> cases = List.of(
                new Case(0, null, "DAY", 125, 0, 10), // the store's zone (Europe/Paris), the whole history and today
                new Case(0, "Australia/Lord_Howe", "DAY", 100, 40, 50), // half-hour daylight saving
                new Case(1, "Asia/Kathmandu", "WEEK", 125, 0, 5), // +05:45
                new Case(1, "America/St_Johns", "MONTH", 90, 10, 10), // -03:30 with daylight saving
                new Case(2, "UTC", "DAY", 30, 29, 3), // two days: no whole UTC day edge effects, but a short period
                new Case(2, "America/Los_Angeles", "MONTH", 125, 0, 50));
        Bucket covered = Bucket.EMPTY;
        for (Case c : cases) {
            TestStore store = w.stores().get(c.store());
            ExpectedAnalytics expected = w.expected().get(c.store());
            ZoneId zone = c.zone() == null ? PARIS : ZoneId.of(c.zone());
            LocalDate today = w.now().atZone(zone).toLocalDate();
            LocalDate from = today.minusDays(c.fromDaysAgo());
            LocalDate to = today.minusDays(c.toDaysAgo());
            JsonPath body = report(store, from, to, c.granularity(), c.zone(), c.top());
            assertThat(body.getList("errors")).as(body.prettify()).isNull();
            String what = c.toString();
            assertThat(body.getString("data.storeAnalytics.timezone")).isEqualTo(zone.getId());

            Map<LocalDate, Bucket> buckets = expected.buckets(zone, c.granularity(), from, to);
            List<Map<String, Object>> answered = body.getList("data.storeAnalytics.buckets");
            // Every bucket of the period is listed, in order, the empty ones with zeros.
            LocalDate first = ExpectedAnalytics.bucketStart(from.atStartOfDay(zone).toInstant(), zone, c.granularity());
            assertThat(LocalDate.parse((String) answered.get(0).get("start"))).as(what).isEqualTo(first);
            long total = 0;
            for (int i = 0; i < answered.size(); i++) {
                LocalDate start = LocalDate.parse(body.getString("data.storeAnalytics.buckets[" + i + "].start"));
                Bucket b = buckets.getOrDefault(start, Bucket.EMPTY);
                assertFigures(body, "data.storeAnalytics.buckets[" + i + "].figures", b, what + " " + start);
                total += b.sessions();
            }
            assertThat(buckets.keySet()).as(what).allMatch(k -> answered.stream().anyMatch(a -> k.toString().equals(a.get("start"))));
            Bucket sum = buckets.values().stream().reduce(Bucket.EMPTY, Bucket::plus);
            assertFigures(body, "data.storeAnalytics.totals", sum, what + " totals");
            assertThat(total).as(what + ": the history is not empty here").isPositive();
            covered = covered.plus(sum);

            List<Object[]> products = expected.topProducts(zone, from, to, c.top());
            assertThat(body.getList("data.storeAnalytics.topProducts")).as(what).hasSize(products.size());
            for (int i = 0; i < products.size(); i++) {
                String path = "data.storeAnalytics.topProducts[" + i + "].";
                assertThat(List.<Object>of(body.getString(path + "productId"), body.getLong(path + "views"), body.getLong(path + "adds"),
                        body.getLong(path + "purchases"))).as(what + " product " + i).containsExactly("gid://shopgraph/Product/" + products.get(i)[0],
                                products.get(i)[1], products.get(i)[2], products.get(i)[3]);
            }
            assertTraffic(body, "topReferrers", expected.topTraffic("REFERRER", zone, from, to, c.top()), what);
            assertTraffic(body, "topLandingPages", expected.topTraffic("LANDING_PAGE", zone, from, to, c.top()), what);
            assertTraffic(body, "topCampaigns", expected.topTraffic("CAMPAIGN", zone, from, to, c.top()), what);

            List<Object[]> funnel = expected.funnel(zone, from, to);
            assertThat(body.getList("data.storeAnalytics.checkoutFunnel")).as(what).hasSize(funnel.size());
            long previous = sum.checkoutsStarted();
            for (int i = 0; i < funnel.size(); i++) {
                String path = "data.storeAnalytics.checkoutFunnel[" + i + "].";
                long reached = (Long) funnel.get(i)[2];
                assertThat(List.<Object>of(body.getInt(path + "stepIndex"), body.getString(path + "step"), body.getLong(path + "reached"),
                        body.getLong(path + "dropOff"))).as(what + " step " + i).containsExactly(funnel.get(i)[0], funnel.get(i)[1], reached,
                                previous - reached);
                previous = reached;
            }
        }
        // Every kind of figure and outcome was there to be compared in some case.
        assertThat(List.of(covered.cartsCreated(), covered.checkoutsStarted(), covered.cartsOrdered(), covered.abandoned(), covered.awaiting(),
                covered.refunds(), covered.cancelled())).as("carts, checkouts, ordered, abandoned, awaiting carts, refunds, cancellations")
                .allMatch(n -> n > 0);
    }

    private static void assertFigures(JsonPath body, String path, Bucket b, String what) {
        assertThat(List.of(body.getLong(path + ".sessions"), body.getLong(path + ".cartsCreated"), body.getLong(path + ".cartsWithLines"),
                body.getLong(path + ".checkoutsStarted"), body.getLong(path + ".orders"), body.getLong(path + ".cartsOrdered"),
                body.getLong(path + ".abandonedCarts"), body.getLong(path + ".cartsAwaitingOrder")))
                .as(what + ": sessions, carts created, with lines, checkouts, orders, carts ordered, abandoned, awaiting")
                .containsExactly(b.sessions(), b.cartsCreated(), b.cartsWithLines(), b.checkoutsStarted(), b.orders(), b.cartsOrdered(),
                        b.abandoned(), b.awaiting());
        assertThat(new BigDecimal(body.getString(path + ".revenue.amount"))).as(what + " revenue")
                .isEqualByComparingTo(BigDecimal.valueOf(b.revenue(), 2));
        assertThat(body.getString(path + ".revenue.currencyCode")).isEqualTo("EUR");
        assertThat(List.of(new BigDecimal(body.getString(path + ".refunds.amount")), new BigDecimal(body.getString(path + ".netRevenue.amount"))))
                .as(what + " refunds, net revenue").usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(b.refunds(), 2), BigDecimal.valueOf(b.revenue() - b.refunds(), 2));
        assertThat(body.getLong(path + ".ordersCancelled")).as(what + " cancelled").isEqualTo(b.cancelled());
        if (b.orders() == 0) {
            assertThat(body.getString(path + ".averageOrderValue")).as(what).isNull();
        } else {
            assertThat(new BigDecimal(body.getString(path + ".averageOrderValue.amount"))).as(what + " AOV").isEqualByComparingTo(
                    BigDecimal.valueOf(b.revenue()).divide(BigDecimal.valueOf(b.orders()), 0, java.math.RoundingMode.HALF_UP).movePointLeft(2));
        }
        assertRate(body, path + ".conversionRate", b.conversion(), what + " conversion");
        assertRate(body, path + ".cartAbandonmentRate", b.abandonmentRate(), what + " abandonment rate");
    }

    private static void assertRate(JsonPath body, String path, Double expected, String what) {
        Object answered = body.get(path);
        if (expected == null) {
            assertThat(answered).as(what).isNull();
        } else {
            assertThat(((Number) answered).doubleValue()).as(what).isCloseTo(expected, within(1e-6));
        }
    }

    private static void assertTraffic(JsonPath body, String list, List<Object[]> expected, String what) {
        List<Map<String, Object>> answered = body.getList("data.storeAnalytics." + list);
        assertThat(answered).as(what + " " + list).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(List.<Object>of(answered.get(i).get("value"), ((Number) answered.get(i).get("sessions")).longValue()))
                    .as(what + " " + list + " " + i).containsExactly(expected.get(i)[0], expected.get(i)[1]);
        }
    }

    @Test
    void abandonedCartsListsEveryRecoverableCartPageByPage() throws Exception {
        World w = world();
        TestStore store = w.stores().get(1);
        LocalDate today = w.now().atZone(PARIS).toLocalDate();
        LocalDate from = today.minusDays(80);
        LocalDate to = today;
        List<Cart> expected = w.expected().get(1).abandonedCarts(PARIS, from, to);
        assertThat(expected).as("several pages").hasSizeGreaterThan(25);
        List<Map<String, Object>> seen = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>(Map.of("f", from.toString(), "t", to.toString(), "n", 10));
            if (after != null) {
                vars.put("a", after);
            }
            JsonPath page = store.owner().execute(ABANDONED, vars);
            assertThat(page.getList("errors")).as(page.prettify()).isNull();
            seen.addAll(page.getList("data.abandonedCarts.nodes"));
            after = page.getBoolean("data.abandonedCarts.pageInfo.hasNextPage") ? page.getString("data.abandonedCarts.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(seen).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Cart c = expected.get(i);
            Map<String, Object> node = seen.get(i);
            long units = c.lines().values().stream().mapToLong(l -> l[0]).sum();
            long subtotal = c.lines().values().stream().mapToLong(l -> l[0] * l[1]).sum();
            assertThat(List.<Object>of(node.get("cartId"), String.valueOf(node.get("email")), String.valueOf(node.get("phone")),
                    ((Number) node.get("totalQuantity")).longValue(), ((List<?>) node.get("lines")).size()))
                    .as("cart " + i).containsExactly("gid://shopgraph/Cart/" + c.id(), String.valueOf(c.email()), String.valueOf(c.phone()), units,
                            c.lines().size());
            @SuppressWarnings("unchecked")
            Map<String, Object> money = (Map<String, Object>) node.get("subtotal");
            assertThat(new BigDecimal((String) money.get("amount"))).isEqualByComparingTo(BigDecimal.valueOf(subtotal, 2));
        }
    }

    @Test
    void rebuildsAndRedeliveriesChangeNothing() throws Exception {
        World w = world();
        TestStore store = w.stores().get(2);
        LocalDate today = w.now().atZone(PARIS).toLocalDate();
        String before = report(store, today.minusDays(125), today, "WEEK", null, 50).prettify();
        // The same events again (the outbox delivers at least once): each kind of fact.
        List<Map.Entry<UUID, Dated>> events = w.published().get(2);
        for (int i = 0; i < events.size(); i += 7) {
            Map.Entry<UUID, Dated> e = events.get(i);
            tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> facts.handle(new EventEnvelope(e.getKey(),
                    EventTypes.nameOf(e.getValue().event().getClass()), store.id(), e.getValue().event().aggregateId(), e.getValue().at(), 2,
                    e.getValue().event()))));
        }
        assertThat(report(store, today.minusDays(125), today, "WEEK", null, 50).prettify()).isEqualTo(before);
        tenantScope.run(store.id(), () -> rollups.rebuild(store.id().value()));
        tenantScope.run(store.id(), () -> rollups.rebuild(store.id().value()));
        assertThat(report(store, today.minusDays(125), today, "WEEK", null, 50).prettify()).isEqualTo(before);
    }

    @Test
    void theQueriesUseAFixedNumberOfStatementsWhateverThePeriodOrPage() throws Exception {
        World w = world();
        TestStore store = w.stores().get(0);
        LocalDate today = w.now().atZone(PARIS).toLocalDate();
        report(store, today.minusDays(5), today, "DAY", null, 3); // refreshes anything still dirty
        long month = statements(() -> report(store, today.minusDays(30), today, "DAY", null, 3));
        long year = statements(() -> report(store, today.minusDays(365), today, "DAY", "Asia/Kathmandu", 50));
        // The caller's store and settings, the refresh (nothing dirty: one statement), the buckets, the open carts, the top lists.
        assertThat(month).isEqualTo(year).isLessThanOrEqualTo(7);
        long small = statements(() -> store.owner().execute(ABANDONED, Map.of("f", today.minusDays(100).toString(), "t", today.toString(), "n", 2)));
        long large = statements(() -> store.owner().execute(ABANDONED, Map.of("f", today.minusDays(100).toString(), "t", today.toString(), "n", 60)));
        // The caller's store and settings, the page, the lines of every cart of the page (one statement).
        assertThat(small).isEqualTo(large).isLessThanOrEqualTo(6);
    }

    @Test
    void anotherStoreSeesNoneOfItAndBadArgumentsAreCodedErrors() throws Exception {
        World w = world();
        TestStore stranger = TestStores.create("analytics-x");
        LocalDate today = w.now().atZone(PARIS).toLocalDate();
        JsonPath none = report(stranger, today.minusDays(200), today, "MONTH", null, 50);
        assertThat(none.getList("errors")).isNull();
        assertThat(none.getLong("data.storeAnalytics.totals.sessions")).isZero();
        assertThat(none.getList("data.storeAnalytics.topProducts")).isEmpty();
        assertThat(none.getList("data.storeAnalytics.topReferrers")).isEmpty();
        // Another store's cursor finds nothing of that store.
        JsonPath victim = w.stores().get(0).owner().execute(ABANDONED, Map.of("f", today.minusDays(100).toString(), "t", today.toString(), "n", 1));
        String cursor = victim.getString("data.abandonedCarts.pageInfo.endCursor");
        assertThat(cursor).isNotNull();
        JsonPath foreign = stranger.owner().execute(ABANDONED, Map.of("f", today.minusDays(100).toString(), "t", today.toString(), "n", 50,
                "a", cursor));
        assertThat(foreign.getList("errors")).isNull();
        assertThat(foreign.getList("data.abandonedCarts.nodes")).isEmpty();

        TestStore store = w.stores().get(0);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("tz", "Mars/Olympus"), Map.<String, Object>of("tz", "+05:00"),
                Map.<String, Object>of("t", today.minusDays(10).toString()), Map.<String, Object>of("f", "2020-01-01"),
                Map.<String, Object>of("top", 51), Map.<String, Object>of("top", -1))) {
            Map<String, Object> vars = new HashMap<>(Map.of("f", today.minusDays(5).toString(), "t", today.toString(), "g", "DAY"));
            vars.putAll(bad);
            JsonPath answer = store.owner().execute(REPORT, vars);
            assertThat(answer.getString("errors[0].extensions.code")).as(bad.toString()).isIn("BAD_REQUEST", "LIMIT_EXCEEDED");
            assertThat(answer.getString("data")).as(bad.toString()).isNull();
        }
        JsonPath badCursor = store.owner().execute(ABANDONED, Map.of("f", today.minusDays(5).toString(), "t", today.toString(), "a", "bm9wZQ"));
        assertThat(badCursor.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    private static long statements(java.util.function.Supplier<JsonPath> call) {
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = call.get();
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return used;
    }
}
