package io.shopgraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.analytics.application.AnalyticsFacts;
import io.shopgraph.analytics.application.AnalyticsRetention;
import io.shopgraph.analytics.application.Rollups;
import io.shopgraph.cart.api.events.CartCreated;
import io.shopgraph.cart.api.events.CartLineAdded;
import io.shopgraph.cart.api.events.SessionPageViewed;
import io.shopgraph.cart.api.events.SessionStarted;
import io.shopgraph.checkout.api.events.CheckoutStarted;
import io.shopgraph.checkout.api.events.CheckoutStepCompleted;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.orders.api.events.RefundCreated;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventEnvelope;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.events.EventTypes;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Orders, revenue, refunds and cancellations from orders placed through the real checkout (the expected figures are
 * computed here from the orders as the merchant API shows them, not from analytics' tables), and the retention job:
 * old facts deleted in batches, the rollups (and so the reports) over old periods kept, even through a rebuild.
 */
@QuarkusTest
class AnalyticsOrdersAndRetentionTest {

    static final String TOTALS = "query($f: Date!, $t: Date!, $top: Int) { storeAnalytics(from: $f, to: $t, timezone: \"UTC\", top: $top) { "
            + "totals { sessions cartsWithLines checkoutsStarted orders revenue { amount currencyCode } refunds { amount } netRevenue { amount } "
            + "ordersCancelled averageOrderValue { amount } conversionRate cartsOrdered abandonedCarts cartsAwaitingOrder } "
            + "buckets { start figures { orders revenue { amount } refunds { amount } } } topProducts { productId views adds purchases } "
            + "checkoutFunnel { step reached } topReferrers { value sessions } } }";
    static final String ORDER = "query($id: ID!) { order(id: $id) { status cost { totalAmount { amount currencyCode } } totalRefunded { amount } "
            + "lines { quantity } } }";
    static final String COMPLETE = "mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { order { id } "
            + "userErrors { code message } } }";

    @Inject
    EventPublisher publisher;
    @Inject
    TenantScope tenantScope;
    @Inject
    Rollups rollups;
    @Inject
    AnalyticsFacts facts;
    @Inject
    AnalyticsRetention retention;
    @Inject
    EntityManager em;

    /** A published product with one variant that needs no shipping; answers {productId, variantId}. */
    private static String[] product(TestStore store, String title, String price) {
        JsonPath body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", price, "requiresShipping", false)))));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return new String[] {body.getString("data.productCreate.product.id"), body.getString("data.productCreate.product.variants.nodes[0].id")};
    }

    /** A cart with one line (in a shopper session when one is given) checked out with the manual provider; answers the order id. */
    private static String order(TestStore store, String sessionToken, String variant, int quantity) {
        GraphQL shop = sessionToken == null ? store.storefront() : store.storefront().header("X-Session-Token", sessionToken);
        JsonPath cart = shop.execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } userErrors { code } } }",
                Map.of("i", Map.of("lines", List.of(Map.of("merchandiseId", variant, "quantity", quantity)), "buyerIdentity",
                        Map.of("email", "buyer@example.com"))));
        assertThat(cart.getList("data.cartCreate.userErrors")).as(cart.prettify()).isEmpty();
        JsonPath placed = shop.execute(COMPLETE, Map.of("c", cart.getString("data.cartCreate.cart.id"), "k", UUID.randomUUID().toString()));
        assertThat(placed.getList("data.checkoutComplete.userErrors")).as(placed.prettify()).isEmpty();
        return placed.getString("data.checkoutComplete.order.id");
    }

    private static void ok(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors")).as(body.prettify()).isEmpty();
    }

    @Test
    void ordersRevenueRefundsAndCancellationsOfRealCheckoutsMatchTheOrdersTheMerchantSees() throws Exception {
        TestStore store = TestStores.create("analytics-orders");
        String[] lamp = product(store, "Lamp", "12.50");
        String[] mug = product(store, "Mug", "7.00");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sessions.add(store.storefront().execute("mutation { sessionStart(input: {landingUrl: \"https://shop.example/lamps\", "
                    + "referrer: \"https://news.example/post\"}) { sessionToken } }").getString("data.sessionStart.sessionToken"));
        }
        // Paid, then partly refunded; paid, then cancelled (the payment goes back); cancelled unpaid; left as placed.
        String refunded = order(store, sessions.get(0), lamp[1], 2);
        ok(store.owner().execute("mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", Map.of("id", refunded)), "orderMarkAsPaid");
        ok(store.owner().execute("mutation($id: ID!) { refundCreate(orderId: $id, input: {amount: \"10.00\"}) { userErrors { code } } }",
                Map.of("id", refunded)), "refundCreate");
        String paidCancelled = order(store, sessions.get(1), mug[1], 1);
        ok(store.owner().execute("mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", Map.of("id", paidCancelled)),
                "orderMarkAsPaid");
        ok(store.owner().execute("mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }", Map.of("id", paidCancelled)), "orderCancel");
        String unpaidCancelled = order(store, null, mug[1], 3);
        ok(store.owner().execute("mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }", Map.of("id", unpaidCancelled)), "orderCancel");
        String placed = order(store, null, lamp[1], 1);
        OutboxDrain.await("analytics.facts", List.of(store));

        // The independent computation: from the orders as the merchant API answers them.
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        long cancelled = 0;
        Map<String, Long> purchases = new HashMap<>();
        for (String[] o : List.of(new String[] {refunded, lamp[0]}, new String[] {paidCancelled, mug[0]}, new String[] {unpaidCancelled, mug[0]},
                new String[] {placed, lamp[0]})) {
            JsonPath order = store.owner().execute(ORDER, Map.of("id", o[0]));
            assertThat(order.getList("errors")).as(order.prettify()).isNull();
            revenue = revenue.add(new BigDecimal(order.getString("data.order.cost.totalAmount.amount")));
            refunds = refunds.add(new BigDecimal(order.getString("data.order.totalRefunded.amount")));
            cancelled += "CANCELLED".equals(order.getString("data.order.status")) ? 1 : 0;
            purchases.merge(o[1], order.getList("data.order.lines.quantity", Long.class).stream().mapToLong(Long::longValue).sum(), Long::sum);
        }
        assertThat(revenue).isEqualByComparingTo("65.50");
        assertThat(refunds).as("the partial refund and the paid cancellation's").isEqualByComparingTo("17.00");
        assertThat(cancelled).isEqualTo(2);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath report = store.owner().execute(TOTALS, Map.of("f", today.minusDays(1).toString(), "t", today.plusDays(1).toString(), "top", 10));
        assertThat(report.getList("errors")).as(report.prettify()).isNull();
        String t = "data.storeAnalytics.totals.";
        assertThat(List.of(report.getLong(t + "sessions"), report.getLong(t + "cartsWithLines"), report.getLong(t + "orders"),
                report.getLong(t + "ordersCancelled"), report.getLong(t + "cartsOrdered"), report.getLong(t + "abandonedCarts"),
                report.getLong(t + "cartsAwaitingOrder"))).as(report.prettify()).containsExactly(2L, 4L, 4L, cancelled, 4L, 0L, 0L);
        assertThat(new BigDecimal(report.getString(t + "revenue.amount"))).isEqualByComparingTo(revenue);
        assertThat(report.getString(t + "revenue.currencyCode")).isEqualTo("EUR");
        assertThat(new BigDecimal(report.getString(t + "refunds.amount"))).isEqualByComparingTo(refunds);
        assertThat(new BigDecimal(report.getString(t + "netRevenue.amount"))).isEqualByComparingTo(revenue.subtract(refunds));
        assertThat(new BigDecimal(report.getString(t + "averageOrderValue.amount")))
                .isEqualByComparingTo(revenue.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP));
        assertThat(report.getDouble(t + "conversionRate")).isCloseTo(4.0 / 2, within(1e-9));
        // The buckets add up to the totals; each product's purchases are its ordered units.
        assertThat(report.getList("data.storeAnalytics.buckets.figures.orders", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        for (Map<String, Object> p : report.<Map<String, Object>>getList("data.storeAnalytics.topProducts")) {
            assertThat(((Number) p.get("purchases")).longValue()).as(p.toString()).isEqualTo(purchases.get((String) p.get("productId")));
        }
        assertThat(report.getList("data.storeAnalytics.topProducts")).hasSize(2);
        assertThat(report.getList("data.storeAnalytics.topReferrers.value")).containsExactly("news.example");
    }

    /** One store's events as published: when, and what. */
    private record Dated(Instant at, DomainEvent event) {
    }

    /** A session that views, adds, checks out, orders and gets a refund, all around t. */
    private static List<Dated> visit(Instant t, int i) {
        UUID session = UUID.randomUUID();
        UUID cart = UUID.randomUUID();
        UUID product = new UUID(42, i % 2);
        UUID checkout = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        long total = 1000 + i * 100L;
        return List.of(new Dated(t, new SessionStarted(session, t, "/p", "ref" + (i % 2) + ".example", null, null, null, null, null, "en", "FR", "mobile")),
                new Dated(t.plusSeconds(10), new SessionPageViewed(session, "PRODUCT_VIEWED", product, null, t.plusSeconds(10))),
                new Dated(t.plusSeconds(20), new CartCreated(cart, session, "EUR", t.plusSeconds(20))),
                new Dated(t.plusSeconds(30), new CartLineAdded(cart, session, UUID.randomUUID(), UUID.randomUUID(), product, 1, 1, total, "EUR")),
                new Dated(t.plusSeconds(40), new CheckoutStarted(checkout, cart, session, t.plusSeconds(40))),
                new Dated(t.plusSeconds(50), new CheckoutStepCompleted(checkout, cart, session, 1, "CONTACT", t.plusSeconds(50))),
                new Dated(t.plusSeconds(60), new OrderPlaced(order, 1000 + i, cart, session, null, "EUR", total, 0, 0, 0, total,
                        List.of(new OrderPlaced.Line(UUID.randomUUID(), product, 1, total)), t.plusSeconds(60))),
                new Dated(t.plus(1, ChronoUnit.HOURS), new RefundCreated(order, 1000 + i, UUID.randomUUID(), "EUR", 300, false,
                        t.plus(1, ChronoUnit.HOURS))));
    }

    private List<UUID> publish(TestStore store, List<Dated> events) {
        return tenantScope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (Dated d : events) {
                ids.add(publisher.publishAllAt(d.at(), List.of(d.event())).get(0));
            }
            return ids;
        }));
    }

    private long facts(TestStore store, String table) {
        return tenantScope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from analytics." + table + " where store_id = :s").setParameter("s", store.id().value()).getSingleResult())
                .longValue()));
    }

    @Test
    void retentionDeletesOldFactsInBatchesAndKeepsTheRollups() throws Exception {
        TestStore store = TestStores.create("analytics-retention");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant old = now.minus(380, ChronoUnit.DAYS);
        List<Dated> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.addAll(visit(old.plus(i * 3, ChronoUnit.HOURS), i));
        }
        for (int i = 0; i < 2; i++) {
            events.addAll(visit(now.minus(5, ChronoUnit.DAYS).plus(i, ChronoUnit.HOURS), i));
        }
        List<UUID> ids = publish(store, events);
        OutboxDrain.await("analytics.facts", List.of(store));
        LocalDate oldDay = old.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, Object> oldPeriod = Map.of("f", oldDay.minusDays(1).toString(), "t", oldDay.plusDays(2).toString(), "top", 10);
        Map<String, Object> recentPeriod = Map.of("f", today.minusDays(10).toString(), "t", today.toString(), "top", 10);
        JsonPath oldBefore = store.owner().execute(TOTALS, oldPeriod);
        assertThat(oldBefore.getList("errors")).as(oldBefore.prettify()).isNull();
        assertThat(oldBefore.getLong("data.storeAnalytics.totals.sessions")).isEqualTo(7);
        assertThat(oldBefore.getLong("data.storeAnalytics.totals.orders")).isEqualTo(7);
        assertThat(new BigDecimal(oldBefore.getString("data.storeAnalytics.totals.refunds.amount"))).isEqualByComparingTo("21.00");
        String recentBefore = store.owner().execute(TOTALS, recentPeriod).prettify();
        assertThat(facts(store, "session")).isEqualTo(9);

        // As if 30 days later (retention 400 days, test batches of 3 rows): the cutoff falls between the two groups.
        AnalyticsRetention.Result result = retention.runOnce(now.plus(30, ChronoUnit.DAYS));
        assertThat(result.stores()).isPositive();
        assertThat(result.factsDeleted()).as("7 each of sessions, views, adds, carts, checkouts, orders, refunds").isGreaterThanOrEqualTo(49);
        assertThat(result.batches()).as("more than one batch per table of 7 rows").isGreaterThanOrEqualTo(7 * 3);
        for (String table : List.of("session", "product_view", "line_add", "cart", "cart_line", "checkout", "checkout_step", "orders", "order_line",
                "refund")) {
            assertThat(facts(store, table)).as(table).isEqualTo(2);
        }
        // The rollups are kept: both periods answer as before, also after a rebuild and a redelivered old event.
        assertThat(store.owner().execute(TOTALS, oldPeriod).prettify()).isEqualTo(oldBefore.prettify());
        assertThat(store.owner().execute(TOTALS, recentPeriod).prettify()).isEqualTo(recentBefore);
        Dated first = events.get(0);
        tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> facts.handle(new EventEnvelope(ids.get(0),
                EventTypes.nameOf(first.event().getClass()), store.id(), first.event().aggregateId(), first.at(), 2, first.event()))));
        tenantScope.run(store.id(), () -> rollups.rebuild(store.id().value()));
        assertThat(store.owner().execute(TOTALS, oldPeriod).prettify()).isEqualTo(oldBefore.prettify());
        assertThat(store.owner().execute(TOTALS, recentPeriod).prettify()).isEqualTo(recentBefore);
        // A second pass removes the redelivered fact and nothing else.
        retention.runOnce(now.plus(30, ChronoUnit.DAYS));
        assertThat(facts(store, "session")).isEqualTo(2);
        assertThat(facts(store, "orders")).isEqualTo(2);
    }
}
