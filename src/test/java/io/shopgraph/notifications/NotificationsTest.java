package io.shopgraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopgraph.notifications.application.OrderNotificationsConsumer;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.platform.events.EventEnvelope;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Order mails end to end through HTTP: a checkout queues the confirmation and the merchant's notice after its commit
 * and the sender hands them to quarkus-mailer (its mock mailbox); a refusing mail server is retried, then given up
 * (FAILED, visible) and resent; a refused checkout queues nothing; the store's locale picks the templates; bespoke
 * lines carry their attributes into the mails, escaped in HTML.
 */
@QuarkusTest
class NotificationsTest {

    static final String NOTIFICATIONS = "query($id: ID!) { order(id: $id) { id name notifications { id kind recipient status attempts "
            + "lastError subject template resend createdAt sentAt } } }";
    static final String RESEND = "mutation($o: ID!, $k: OrderNotificationKind!) { orderNotificationResend(orderId: $o, kind: $k) { "
            + "notification { id kind recipient status resend } userErrors { field code message } } }";

    @Inject
    MockMailbox mailbox;

    @Test
    void aCheckoutQueuesBothMailsAfterCommitAndTheyAreSentWithTheLinesAttributesEscapedInHtml() {
        TestStore store = TestStores.create("notify-happy");
        String merchant = unique("owner");
        settings(store, Map.of("name", "Atelier Ann & Bob", "contactEmail", merchant, "defaultLocale", "en"));
        String variant = variant(store, "Engraved ring", "40.00", 5);
        String buyer = unique("buyer");
        String order = place(store, variant, 2, buyer, List.of(Map.of("key", "Engraving", "value", "<b>Ann & Bob</b>")));

        List<Map<String, Object>> sent = awaitNotifications(store, order, n -> n.size() == 2 && n.stream().allMatch(m -> "SENT".equals(m.get("status"))));
        assertThat(sent).extracting(m -> m.get("kind")).containsExactlyInAnyOrder("ORDER_CONFIRMATION", "MERCHANT_NEW_ORDER");
        assertThat(sent).extracting(m -> m.get("template")).containsOnly("order-confirmation.en", "merchant-new-order.en");
        assertThat(sent).allSatisfy(m -> assertThat(m.get("attempts")).isEqualTo(1));

        List<Mail> toBuyer = mailbox.getMailsSentTo(buyer);
        assertThat(toBuyer).hasSize(1);
        Mail confirmation = toBuyer.get(0);
        String name = orderName(store, order);
        assertThat(confirmation.getSubject()).isEqualTo("[Atelier Ann & Bob] Order " + name + " confirmed");
        assertThat(confirmation.getReplyTo()).isEqualTo(merchant);
        assertThat(confirmation.getFrom()).contains("Atelier Ann & Bob").contains("<orders@shopgraph.invalid>");
        assertThat(confirmation.getText()).contains("2 x Engraved ring").contains(": 80.00 EUR").contains("Engraving: <b>Ann & Bob</b>")
                .contains("Total: 80.00 EUR").contains("awaiting payment").contains("nothing to ship");
        assertThat(confirmation.getHtml()).contains("Engraving: &lt;b&gt;Ann &amp; Bob&lt;/b&gt;").doesNotContain("<b>Ann")
                .contains("80.00 EUR");

        List<Mail> toMerchant = mailbox.getMailsSentTo(merchant);
        assertThat(toMerchant).hasSize(1);
        assertThat(toMerchant.get(0).getSubject()).isEqualTo("[Atelier Ann & Bob] New order " + name);
        assertThat(toMerchant.get(0).getText()).contains(buyer).contains("Engraving: <b>Ann & Bob</b>").contains("(awaiting payment)");

        // Paid later: a receipt, once.
        ok(store.owner().execute("mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", Map.of("id", order)), "orderMarkAsPaid");
        List<Map<String, Object>> three = awaitNotifications(store, order,
                n -> n.size() == 3 && n.stream().allMatch(m -> "SENT".equals(m.get("status"))));
        assertThat(three).extracting(m -> m.get("kind")).contains("PAYMENT_RECEIPT");
        assertThat(mailbox.getMailsSentTo(buyer)).hasSize(2);
        Mail receipt = mailbox.getMailsSentTo(buyer).get(1);
        assertThat(receipt.getSubject()).isEqualTo("[Atelier Ann & Bob] Payment received for order " + name);
        assertThat(receipt.getText()).contains("payment of 80.00 EUR");
    }

    @Test
    void theStoresLocalePicksTheTemplatesAndAnUnknownLocaleFallsBackToEnglish() {
        TestStore french = TestStores.create("notify-fr");
        settings(french, Map.of("name", "Boutique", "contactEmail", unique("fr-owner"), "defaultLocale", "fr-CA"));
        String buyer = unique("acheteur");
        String order = place(french, variant(french, "Bague", "1234.50", 3), 1, buyer, List.of(Map.of("key", "Gravure", "value", "Élise")));
        awaitNotifications(french, order, n -> n.size() == 2 && n.stream().allMatch(m -> "SENT".equals(m.get("status"))));
        Mail mail = mailbox.getMailsSentTo(buyer).get(0);
        assertThat(mail.getSubject()).isEqualTo("[Boutique] Commande " + orderName(french, order) + " confirmée");
        assertThat(mail.getText()).contains("Sous-total : 1\u202f234,50 EUR").contains("Gravure : Élise").contains("en attente");
        assertThat(mail.getHtml()).contains("<html lang=\"fr\">");

        TestStore german = TestStores.create("notify-de");
        settings(german, Map.of("name", "Laden", "contactEmail", unique("de-owner"), "defaultLocale", "de"));
        String kunde = unique("kunde");
        String deOrder = place(german, variant(german, "Ring", "10.00", 3), 1, kunde, List.of());
        List<Map<String, Object>> sent = awaitNotifications(german, deOrder,
                n -> n.size() == 2 && n.stream().allMatch(m -> "SENT".equals(m.get("status"))));
        assertThat(sent).extracting(m -> m.get("template")).containsOnly("order-confirmation.en", "merchant-new-order.en");
        assertThat(mailbox.getMailsSentTo(kunde).get(0).getSubject()).endsWith("confirmed");
    }

    @Test
    void aFailingMailServerIsRetriedThenSucceedsAndAfterTheLastAttemptTheMailIsFailedVisiblyAndCanBeResent() {
        TestStore store = TestStores.create("notify-retry");
        settings(store, Map.of("name", "Retry shop", "contactEmail", unique("retry-owner")));
        String variant = variant(store, "Mug", "12.00", 10);

        String patient = unique("patient");
        FlakyMailSender.failNext(patient, 2);
        String order = place(store, variant, 1, patient, List.of());
        Map<String, Object> confirmation = awaitNotifications(store, order, n -> n.stream().anyMatch(m -> isSent(m, "ORDER_CONFIRMATION")))
                .stream().filter(m -> "ORDER_CONFIRMATION".equals(m.get("kind"))).findFirst().orElseThrow();
        assertThat(confirmation.get("attempts")).as("two refusals, then accepted").isEqualTo(3);
        assertThat(confirmation.get("lastError")).isNull();
        assertThat(mailbox.getMailsSentTo(patient)).hasSize(1);

        String unlucky = unique("unlucky");
        FlakyMailSender.failNext(unlucky, 1000);
        String lost = place(store, variant, 1, unlucky, List.of());
        Map<String, Object> failed = awaitNotifications(store, lost, n -> n.stream().anyMatch(m -> "FAILED".equals(m.get("status"))))
                .stream().filter(m -> "FAILED".equals(m.get("status"))).findFirst().orElseThrow();
        assertThat(failed.get("kind")).isEqualTo("ORDER_CONFIRMATION");
        assertThat(failed.get("attempts")).as("max-attempts in the test profile").isEqualTo(4);
        assertThat((String) failed.get("lastError")).contains("421 try again later");
        assertThat(mailbox.getMailsSentTo(unlucky)).isEmpty();

        FlakyMailSender.FAILURES.remove(unlucky);
        JsonPath resent = ok(store.owner().execute(RESEND, Map.of("o", lost, "k", "ORDER_CONFIRMATION")), "orderNotificationResend");
        assertThat(resent.getString("data.orderNotificationResend.notification.recipient")).isEqualTo(unlucky);
        assertThat(resent.getBoolean("data.orderNotificationResend.notification.resend")).isTrue();
        awaitNotifications(store, lost, n -> n.stream().anyMatch(m -> Boolean.TRUE.equals(m.get("resend")) && "SENT".equals(m.get("status"))));
        assertThat(mailbox.getMailsSentTo(unlucky)).hasSize(1);
        assertThat(mailbox.getMailsSentTo(unlucky).get(0).getText()).contains(orderName(store, lost));
    }

    @Test
    void aMailServerThatDoesNotAnswerNeitherBlocksCheckoutNorAllowsADoubleResend() throws Exception {
        TestStore store = TestStores.create("notify-hold");
        String owner = unique("hold-owner");
        settings(store, Map.of("name", "Hold shop", "contactEmail", owner));
        String variant = variant(store, "Cup", "5.00", 10);
        String buyer = unique("held");
        CountDownLatch gate = FlakyMailSender.hold(buyer);
        try {
            String order = place(store, variant, 1, buyer, List.of()); // returns although the mail server hangs
            awaitNotifications(store, order, n -> n.stream().anyMatch(m -> "ORDER_CONFIRMATION".equals(m.get("kind"))));
            // The batch's other mail (the merchant's) goes out while the buyer's conversation hangs.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (mailbox.getMailsSentTo(owner).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(mailbox.getMailsSentTo(owner)).as("sent while the other mail of its batch hangs").hasSize(1);
            assertThat(gate.getCount()).isEqualTo(1);
            JsonPath pending = store.owner().execute(RESEND, Map.of("o", order, "k", "ORDER_CONFIRMATION"));
            assertThat(pending.getString("data.orderNotificationResend.userErrors[0].code")).isEqualTo("ALREADY_PENDING");
            JsonPath noReceipt = store.owner().execute(RESEND, Map.of("o", order, "k", "PAYMENT_RECEIPT"));
            assertThat(noReceipt.getString("data.orderNotificationResend.userErrors[0].code")).isEqualTo("NOTIFICATION_NOT_FOUND");
            JsonPath unknown = store.owner().execute(RESEND, Map.of("o", "gid://shopgraph/Order/" + UUID.randomUUID(), "k", "ORDER_CONFIRMATION"));
            assertThat(unknown.getString("data.orderNotificationResend.userErrors[0].code")).isEqualTo("ORDER_NOT_FOUND");
            JsonPath malformed = store.owner().execute(RESEND, Map.of("o", "not-an-id", "k", "ORDER_CONFIRMATION"));
            assertThat(malformed.getString("data.orderNotificationResend.userErrors[0].code")).isEqualTo("ORDER_NOT_FOUND");
            gate.countDown();
            awaitNotifications(store, order, n -> n.size() == 2 && n.stream().allMatch(m -> "SENT".equals(m.get("status"))));
            assertThat(count(store, "select count(*) from notifications.message where store_id = ?::uuid")).isEqualTo(2);
        } finally {
            gate.countDown();
            FlakyMailSender.HELD.remove(buyer);
        }
    }

    @Test
    void aRefusedCheckoutQueuesNothing() throws Exception {
        TestStore store = TestStores.create("notify-refused");
        settings(store, Map.of("name", "Refused shop", "contactEmail", unique("refused-owner")));
        String variant = variant(store, "Vase", "30.00", 1);
        String buyer = unique("refused");
        JsonPath refused = complete(store.storefront(), cart(store.storefront(), variant, 2, buyer, List.of()));
        assertThat(refused.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("INSUFFICIENT_STOCK");

        // An order placed afterwards is mailed; the refused one never published an event, so nothing else is queued.
        String other = unique("other");
        String order = place(store, variant, 1, other, List.of());
        awaitNotifications(store, order, n -> n.size() == 2 && n.stream().allMatch(m -> "SENT".equals(m.get("status"))));
        OutboxDrain.await("notifications.orders", List.of(store));
        assertThat(count(store, "select count(*) from notifications.message where store_id = ?::uuid")).isEqualTo(2);
        assertThat(count(store, "select count(*) from platform.event where store_id = ?::uuid and type = 'orders.OrderPlaced'")).isEqualTo(1);
        assertThat(mailbox.getMailsSentTo(buyer)).isEmpty();
    }

    @Test
    void storefrontsDoNotSeeAnOrdersNotifications() {
        TestStore store = TestStores.create("notify-storefront");
        String buyer = unique("sf");
        String cart = cart(store.storefront(), variant(store, "Pen", "2.00", 5), 1, buyer, List.of());
        JsonPath placed = complete(store.storefront(), cart);
        String token = placed.getString("data.checkoutComplete.orderToken");
        JsonPath body = store.storefront().execute("query($t: String!) { orderByToken(token: $t) { id notifications { id } } }", Map.of("t", token));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getString("data.orderByToken.id")).isNotNull();
        assertThat(body.getList("data.orderByToken.notifications")).isNull();
    }

    @Test
    void aPageOfOrdersReadsItsNotificationsInOneStatementWhateverItsSize() {
        TestStore store = TestStores.create("notify-budget");
        settings(store, Map.of("name", "Budget shop", "contactEmail", unique("budget-owner")));
        String variant = variant(store, "Clip", "1.00", 20);
        for (int i = 0; i < 5; i++) {
            String order = place(store, variant, 1, unique("budget"), List.of());
            awaitNotifications(store, order, n -> n.size() == 2);
        }
        String without = "query($n: Int) { orders(first: $n) { nodes { id } } }";
        String with = "query($n: Int) { orders(first: $n) { nodes { id notifications { kind status } } } }";
        long plainOne = statements(store, without, 1);
        long one = statements(store, with, 1);
        long five = statements(store, with, 5);
        assertThat(one - plainOne).as("Order.notifications costs one statement").isEqualTo(1);
        assertThat(five - statements(store, without, 5)).as("and one for a page of five").isEqualTo(1);
        JsonPath page = store.owner().execute(with, Map.of("n", 5));
        assertThat(page.getList("data.orders.nodes.notifications", List.class)).hasSize(5).allSatisfy(n -> assertThat(n).isNotEmpty());
    }

    static long statements(TestStore store, String query, int first) {
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.owner().execute(query, Map.of("n", first));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return SqlStatementCounter.requestTotal() - before;
    }

    @Test
    void anEventHandledTwiceQueuesItsMailsOnce() throws Exception {
        TestStore store = TestStores.create("notify-twice");
        settings(store, Map.of("name", "Twice shop", "contactEmail", unique("twice-owner")));
        String order = place(store, variant(store, "Bell", "3.00", 5), 1, unique("twice"), List.of());
        awaitNotifications(store, order, n -> n.size() == 2);
        UUID orderId = UUID.fromString(order.substring(order.lastIndexOf('/') + 1));
        // The outbox delivers at least once: the same event id again (as after a crash before the delivery was marked done).
        EventEnvelope again = new EventEnvelope(UUID.randomUUID(), "orders.OrderPlaced", store.id(), orderId, Instant.now(), 1,
                new OrderPlaced(orderId, 1001, null, null, null, "EUR", 300, 0, 0, 0, 300, List.of(), Instant.now()));
        OrderNotificationsConsumer consumer = Arc.container().instance(OrderNotificationsConsumer.class).get();
        TenantScope scope = Arc.container().instance(TenantScope.class).get();
        for (int i = 0; i < 2; i++) {
            scope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> consumer.handle(again)));
        }
        assertThat(count(store, "select count(*) from notifications.message where store_id = ?::uuid")).as("2 from checkout, 2 from the replayed event")
                .isEqualTo(4);
        assertThat(count(store, "select count(*) from notifications.message where store_id = ?::uuid and event_id = '" + again.eventId() + "'"))
                .isEqualTo(2);
    }

    // --- fixtures -------------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static void settings(TestStore store, Map<String, Object> input) {
        ok(store.owner().execute("mutation($i: ShopUpdateInput!) { shopUpdate(input: $i) { userErrors { code message } } }", Map.of("i", input)),
                "shopUpdate");
    }

    static String variant(TestStore store, String title, String price, int stock) {
        JsonPath body = ok(store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", price, "requiresShipping", false,
                                "inventoryQuantity", stock))))), "productCreate");
        return body.getString("data.productCreate.product.variants.nodes[0].id");
    }

    static String cart(GraphQL client, String variantId, int quantity, String email, List<Map<String, String>> attributes) {
        Map<String, Object> line = new HashMap<>(Map.of("merchandiseId", variantId, "quantity", quantity));
        if (!attributes.isEmpty()) {
            line.put("attributes", attributes);
        }
        JsonPath body = ok(client.execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } userErrors { code message } } }",
                Map.of("i", Map.of("lines", List.of(line), "buyerIdentity", Map.of("email", email)))), "cartCreate");
        return body.getString("data.cartCreate.cart.id");
    }

    static JsonPath complete(GraphQL client, String cartId) {
        JsonPath body = client.execute("mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { order { id name } "
                + "orderToken userErrors { code message } } }", Map.of("c", cartId, "k", UUID.randomUUID().toString()));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body;
    }

    /** Places an order of one line; answers its global id. */
    static String place(TestStore store, String variant, int quantity, String email, List<Map<String, String>> attributes) {
        JsonPath body = ok(complete(store.storefront(), cart(store.storefront(), variant, quantity, email, attributes)), "checkoutComplete");
        return body.getString("data.checkoutComplete.order.id");
    }

    static String orderName(TestStore store, String order) {
        return store.owner().execute("query($id: ID!) { order(id: $id) { name } }", Map.of("id", order)).getString("data.order.name");
    }

    static JsonPath ok(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    static boolean isSent(Map<String, Object> m, String kind) {
        return kind.equals(m.get("kind")) && "SENT".equals(m.get("status"));
    }

    /** Reads Order.notifications as the merchant until {@code done} holds (the outbox and the sender work in the background). */
    static List<Map<String, Object>> awaitNotifications(TestStore store, String order, Predicate<List<Map<String, Object>>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath body = store.owner().execute(NOTIFICATIONS, Map.of("id", order));
            assertThat(body.getList("errors")).as(body.prettify()).isNull();
            List<Map<String, Object>> notifications = body.getList("data.order.notifications");
            if (done.test(notifications)) {
                return notifications;
            }
            assertThat(System.nanoTime()).as("notifications reached the expected state in time; last: " + notifications).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A count in the store, read as the superuser (the statement's one parameter is the store id). */
    static long count(TestStore store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("quarkus.datasource.jdbc.url"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, store.id().value().toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
