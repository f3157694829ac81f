package io.shopgraph.webhooks;

import static io.shopgraph.webhooks.WebhooksTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;
import io.shopgraph.webhooks.domain.WebhookSignature;

/**
 * The order topics (issue 14's events): a placed, paid, fulfilled, refunded order and a cancelled one reach a local
 * receiver once per topic, signed, with the order (id, number, name, status, amounts) as the payload's data and the
 * refund's or fulfilment's own facts from the event.
 */
@QuarkusTest
class OrderWebhooksTest {

    final WebhookReceiver receiver = WebhookReceiver.shared();

    @Inject
    TenantScope tenantScope;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachOrderTopicIsDeliveredWithTheOrderInTheApisShape() {
        TestStore store = TestStores.create("hooks-orders");
        String base = "/ok/" + UUID.randomUUID() + "/";
        Map<String, String> secrets = new java.util.HashMap<>();
        for (String topic : List.of("ORDERS_CREATE", "ORDERS_PAID", "ORDERS_CANCELLED", "REFUNDS_CREATE", "FULFILLMENTS_CREATE")) {
            JsonPath created = ok(store.owner().execute(WebhooksTest.CREATE, Map.of("i", Map.of("topic", topic, "callbackUrl",
                    receiver.url(base + topic)))), "webhookSubscriptionCreate");
            secrets.put(topic, created.getString("data.webhookSubscriptionCreate.secret"));
        }
        String variant = variant(store, "Lamp", "25.00");
        JsonPath placed = ok(store.storefront().execute("mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { "
                + "order { id number name } userErrors { code message } } }", Map.of("c", cart(store, variant, 2), "k", UUID.randomUUID().toString())),
                "checkoutComplete");
        String order = placed.getString("data.checkoutComplete.order.id");
        int number = placed.getInt("data.checkoutComplete.order.number");

        // The outbox's OrderPlaced carries the number the checkout answered (the order is numbered just before it is recorded).
        assertThat(placedEventNumber(store, order)).as("the OrderPlaced event's orderNumber").isEqualTo(number);

        JsonObject create = awaitOne(base + "ORDERS_CREATE", secrets.get("ORDERS_CREATE"));
        assertThat(create.getString("topic")).isEqualTo("ORDERS_CREATE");
        assertThat(create.getString("shopId")).isEqualTo(store.shopId());
        JsonObject data = create.getJsonObject("data");
        assertThat(data.getString("id")).isEqualTo(order);
        assertThat(data.getInt("number")).isEqualTo(number);
        assertThat(data.getString("name")).isEqualTo("#" + number);
        assertThat(data.getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(data.getJsonObject("cost").getJsonObject("totalAmount").getString("amount")).isEqualTo("50.00");
        assertThat(data.getJsonObject("cost").getJsonObject("totalAmount").getString("currencyCode")).isEqualTo("EUR");
        assertThat(data.getJsonObject("totalPaid").getString("amount")).isEqualTo("0.00");
        assertThat(data.getJsonArray("lines").getJsonObject(0).getInt("quantity")).isEqualTo(2);

        ok(store.owner().execute("mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", Map.of("id", order)), "orderMarkAsPaid");
        JsonObject paid = awaitOne(base + "ORDERS_PAID", secrets.get("ORDERS_PAID")).getJsonObject("data");
        assertThat(paid.getString("id")).isEqualTo(order);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getJsonObject("totalPaid").getString("amount")).isEqualTo("50.00");

        JsonPath fulfilled = ok(store.owner().execute("mutation($id: ID!) { fulfillmentCreate(orderId: $id, input: {trackingNumber: \"TRK-1\"}) { "
                + "fulfillment { id } userErrors { code } } }", Map.of("id", order)), "fulfillmentCreate");
        JsonObject fulfilment = awaitOne(base + "FULFILLMENTS_CREATE", secrets.get("FULFILLMENTS_CREATE")).getJsonObject("data");
        assertThat(fulfilment.getString("id")).isEqualTo(fulfilled.getString("data.fulfillmentCreate.fulfillment.id"));
        assertThat(fulfilment.getString("trackingNumber")).isEqualTo("TRK-1");
        assertThat(fulfilment.getInt("units")).isEqualTo(2);
        assertThat(fulfilment.getJsonObject("order").getString("id")).isEqualTo(order);
        assertThat(fulfilment.getJsonObject("order").getString("status")).isEqualTo("FULFILLED");

        JsonPath refunded = ok(store.owner().execute("mutation($id: ID!) { refundCreate(orderId: $id, input: {amount: \"1.50\"}) { refund { id } "
                + "userErrors { code } } }", Map.of("id", order)), "refundCreate");
        JsonObject refund = awaitOne(base + "REFUNDS_CREATE", secrets.get("REFUNDS_CREATE")).getJsonObject("data");
        assertThat(refund.getString("id")).isEqualTo(refunded.getString("data.refundCreate.refund.id"));
        assertThat(refund.getJsonObject("amount").getString("amount")).isEqualTo("1.50");
        assertThat(refund.getBoolean("restocked")).isFalse();
        assertThat(refund.getJsonObject("order").getJsonObject("totalRefunded").getString("amount")).isEqualTo("1.50");

        String second = ok(store.storefront().execute("mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { "
                + "order { id } userErrors { code message } } }", Map.of("c", cart(store, variant, 1), "k", UUID.randomUUID().toString())),
                "checkoutComplete").getString("data.checkoutComplete.order.id");
        ok(store.owner().execute("mutation($id: ID!) { orderCancel(id: $id, reason: \"out of lamps\") { userErrors { code } } }",
                Map.of("id", second)), "orderCancel");
        JsonObject cancelled = awaitOne(base + "ORDERS_CANCELLED", secrets.get("ORDERS_CANCELLED")).getJsonObject("data");
        assertThat(cancelled.getString("id")).isEqualTo(second);
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("cancelReason")).isEqualTo("out of lamps");
        assertThat(cancelled.getJsonObject("cancelRefundAmount").getString("amount")).isEqualTo("0.00");

        await(() -> receiver.at(base + "ORDERS_CREATE").size() == 2, "the second order's orders/create arrives too");
        assertThat(receiver.at(base + "ORDERS_PAID")).as("paid once").hasSize(1);
    }

    /** The orderNumber in the payload of the order's OrderPlaced event, as the outbox holds it. */
    private long placedEventNumber(TestStore store, String orderGid) {
        UUID orderId = UUID.fromString(orderGid.substring(orderGid.lastIndexOf('/') + 1));
        return tenantScope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement("select (payload->>'orderNumber')::bigint from platform.event "
                    + "where aggregate_id = ? and type = 'orders.OrderPlaced'")) {
                s.setObject(1, orderId);
                try (var rs = s.executeQuery()) {
                    assertThat(rs.next()).as("an OrderPlaced event of %s", orderId).isTrue();
                    return rs.getLong(1);
                }
            }
        }));
    }

    /** Waits for the first delivery at the path, checks its signature and answers its body. */
    private JsonObject awaitOne(String path, String secret) {
        await(() -> !receiver.at(path).isEmpty(), "a delivery at " + path);
        WebhookReceiver.Received r = receiver.at(path).get(0);
        assertThat(WebhookSignature.verify(secret, r.header(WebhookSignature.TIMESTAMP_HEADER), r.body(),
                r.header(WebhookSignature.SIGNATURE_HEADER))).as("signed with the subscription's secret").isTrue();
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static String variant(TestStore store, String title, String price) {
        return ok(store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { variants { nodes { id } } } "
                + "userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE", "publishedAt", "2020-01-01T00:00:00Z",
                        "variants", List.of(Map.of("price", price, "requiresShipping", false, "inventoryQuantity", 10))))), "productCreate")
                .getString("data.productCreate.product.variants.nodes[0].id");
    }

    private static String cart(TestStore store, String variant, int quantity) {
        return ok(store.storefront().execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } userErrors { code message } } }",
                Map.of("i", Map.of("lines", List.of(Map.of("merchandiseId", variant, "quantity", quantity)), "buyerIdentity",
                        Map.of("email", "hooks-buyer@example.com")))), "cartCreate").getString("data.cartCreate.cart.id");
    }

    private static JsonPath ok(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors")).as(body.prettify()).isEmpty();
        return body;
    }
}
