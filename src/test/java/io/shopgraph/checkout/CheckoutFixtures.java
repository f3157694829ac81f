package io.shopgraph.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores.TestStore;

/** Products, carts, checkouts and SQL for the checkout and order tests. */
final class CheckoutFixtures {

    static final String ORDER_FIELDS = "id number name status email currencyCode createdAt "
            + "lines { id title variantTitle quantity fulfilledQuantity refundedQuantity attributes { key value } "
            + "cost { amountPerQuantity { amount } subtotalAmount { amount } totalAmount { amount } } } "
            + "cost { subtotalAmount { amount currencyCode } discountAmount { amount } shippingAmount { amount } taxAmount { amount } "
            + "totalAmount { amount currencyCode } } totalPaid { amount } totalRefunded { amount } "
            + "payments { provider status amount { amount } captured { amount } refunded { amount } } "
            + "fulfillments { id trackingNumber lines { lineId quantity } } refunds { id amount { amount } restocked lines { lineId quantity } }";
    static final String COMPLETE = "mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { order { " + ORDER_FIELDS
            + " } orderToken payment { provider status clientSecret publishableKey instructions } userErrors { code message field lineIds } } }";
    static final String BY_TOKEN = "query($t: String!) { orderByToken(token: $t) { " + ORDER_FIELDS + " } }";
    static final String ORDER = "query($id: ID!) { order(id: $id) { " + ORDER_FIELDS + " note timeline { kind message actor } } }";
    static final String MARK_PAID = "mutation($id: ID!) { orderMarkAsPaid(id: $id) { order { id status } userErrors { code field message } } }";
    static final String CANCEL = "mutation($id: ID!) { orderCancel(id: $id, reason: \"customer asked\") { order { id status } userErrors { code field message } } }";
    static final String REFUND = "mutation($id: ID!, $i: RefundInput!) { refundCreate(orderId: $id, input: $i) { refund { id amount { amount } restocked } "
            + "order { id status totalRefunded { amount } } userErrors { code field message } } }";
    static final String FULFIL = "mutation($id: ID!, $i: FulfillmentInput) { fulfillmentCreate(orderId: $id, input: $i) { fulfillment { id trackingNumber "
            + "lines { lineId quantity } } order { id status } userErrors { code field message } } }";
    static final String STOCK = "query($id: ID!) { node(id: $id) { ... on ProductVariant { quantityAvailable inventoryLevel { onHand reserved } } } }";

    private CheckoutFixtures() {
    }

    /**
     * A published product with one variant of this price and stock (null: untracked) that needs no shipping, so that
     * checkout needs no address or delivery option (those are {@code CheckoutTest}'s shipping case); answers the
     * variant's id.
     */
    static String variant(TestStore store, String title, String price, Integer stock) {
        return variant(store, title, price, stock, false);
    }

    static String variant(TestStore store, String title, String price, Integer stock, boolean requiresShipping) {
        Map<String, Object> variant = new HashMap<>(Map.of("price", price, "requiresShipping", requiresShipping));
        if (stock != null) {
            variant.put("inventoryQuantity", stock);
        }
        JsonPath body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(variant))));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.productCreate.product.variants.nodes[0].id");
    }

    /** A new cart with one line of the variant and, when given, a contact email; answers its id. */
    static String cart(GraphQL client, String variantId, int quantity, String email) {
        Map<String, Object> input = new HashMap<>(Map.of("lines", List.of(Map.of("merchandiseId", variantId, "quantity", quantity))));
        if (email != null) {
            input.put("buyerIdentity", Map.of("email", email));
        }
        JsonPath body = client.execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id lines(first: 10) { nodes { id } } } "
                + "userErrors { code message } } }", Map.of("i", input));
        assertThat(body.getList("data.cartCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.cartCreate.cart.id");
    }

    static JsonPath complete(GraphQL client, String cartId, String key) {
        JsonPath body = client.execute(COMPLETE, Map.of("c", cartId, "k", key));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body;
    }

    /** A placed order (checkout must succeed): answers the checkoutComplete payload. */
    static JsonPath placed(TestStore store, String variantId, int quantity) {
        String cart = cart(store.storefront(), variantId, quantity, "buyer@example.com");
        JsonPath body = complete(store.storefront(), cart, UUID.randomUUID().toString());
        assertThat(body.getList("data.checkoutComplete.userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    static JsonPath ok(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    /** The variant's stock as the merchant sees it: [on hand, reserved]. */
    static int[] stock(TestStore store, String variantId) {
        JsonPath body = store.owner().execute(STOCK, Map.of("id", variantId));
        return new int[] {body.getInt("data.node.inventoryLevel.onHand"), body.getInt("data.node.inventoryLevel.reserved")};
    }

    /** Runs SQL as the application (row-level security on) in the store, in its own transaction. */
    static <T> T inStore(TestStore store, Function<EntityManager, T> work) {
        return InStore.call(store, work);
    }

    static long count(TestStore store, String sql, Object... parameters) {
        return InStore.count(store, sql, parameters);
    }

    static int execute(TestStore store, String sql, Object... parameters) {
        return InStore.execute(store, sql, parameters);
    }

    /** The operator's ledger check (docs/orders.md): levels whose on hand or reserved differ from the sums of their ledger rows. */
    static final String LEDGER_MISMATCHES = "select count(*) from (select l.variant_id from inventory.stock_level l "
            + "left join inventory.stock_movement m on m.store_id = l.store_id and m.variant_id = l.variant_id "
            + "group by l.store_id, l.variant_id, l.on_hand, l.reserved "
            + "having l.on_hand <> coalesce(sum(m.on_hand_delta), 0) or l.reserved <> coalesce(sum(m.reserved_delta), 0)) mismatched";

    static void assertLedgerHolds(TestStore store) {
        assertThat(count(store, LEDGER_MISMATCHES)).as("stock levels that differ from the sum of their ledger rows").isZero();
    }

    static UUID uuid(String globalId) {
        return UUID.fromString(globalId.substring(globalId.lastIndexOf('/') + 1));
    }
}
