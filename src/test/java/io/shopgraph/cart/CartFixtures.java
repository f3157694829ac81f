package io.shopgraph.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores.TestStore;

/** Products, carts, customers and SQL for the cart tests. */
final class CartFixtures {

    static final String CART_FIELDS = "id note totalQuantity requiresShipping createdAt updatedAt attributes { key value } "
            + "buyerIdentity { email phone countryCode customerAttached } discountCodes { code } "
            + "cost { subtotalAmount { amount currencyCode } totalAmount { amount currencyCode } totalAmountEstimated } "
            + "lines(first: 100) { nodes { id quantity requiresShipping attributes { key value } "
            + "cost { amountPerQuantity { amount } subtotalAmount { amount } totalAmount { amount } } "
            + "merchandise { id title price { amount } } } } warnings { code target message }";
    static final String ERRORS = "userErrors { field code message }";
    static final String CREATE = "mutation($i: CartInput) { cartCreate(input: $i) { cart { " + CART_FIELDS + " } merge { linesMerged "
            + "quantityLimitedLineIds linesDropped } " + ERRORS + " } }";
    static final String ADD = "mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { cart { " + CART_FIELDS
            + " } " + ERRORS + " } }";
    static final String UPDATE = "mutation($c: ID!, $l: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $c, lines: $l) { cart { "
            + CART_FIELDS + " } " + ERRORS + " } }";
    static final String REMOVE = "mutation($c: ID!, $l: [String!]!) { cartLinesRemove(cartId: $c, lineIds: $l) { cart { " + CART_FIELDS
            + " } " + ERRORS + " } }";
    static final String NOTE = "mutation($c: ID!, $n: String!) { cartNoteUpdate(cartId: $c, note: $n) { cart { " + CART_FIELDS + " } "
            + ERRORS + " } }";
    static final String ATTRIBUTES = "mutation($c: ID!, $a: [AttributeInput!]!) { cartAttributesUpdate(cartId: $c, attributes: $a) { "
            + "cart { " + CART_FIELDS + " } " + ERRORS + " } }";
    static final String BUYER = "mutation($c: ID!, $b: CartBuyerIdentityInput!) { cartBuyerIdentityUpdate(cartId: $c, buyerIdentity: $b) { "
            + "cart { " + CART_FIELDS + " } merge { linesMerged quantityLimitedLineIds linesDropped } " + ERRORS + " } }";
    static final String READ = "query($id: ID!) { cart(id: $id) { " + CART_FIELDS + " } }";

    private CartFixtures() {
    }

    /** A published product with one variant; answers the variant's id. */
    static String variant(TestStore store, String title, String price, Integer stock, boolean requiresShipping) {
        return product(store, title, price, stock, requiresShipping).get(1);
    }

    /** A published product with one variant; answers the product's and the variant's ids. */
    static List<String> product(TestStore store, String title, String price, Integer stock, boolean requiresShipping) {
        Map<String, Object> variant = new HashMap<>(Map.of("price", price, "requiresShipping", requiresShipping));
        if (stock != null) {
            variant.put("inventoryQuantity", stock);
        }
        JsonPath body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(variant))));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return List.of(body.getString("data.productCreate.product.id"), body.getString("data.productCreate.product.variants.nodes[0].id"));
    }

    static String variant(TestStore store, String title, String price) {
        return variant(store, title, price, null, true);
    }

    static Map<String, Object> line(String variantId, int quantity) {
        return Map.of("merchandiseId", variantId, "quantity", quantity);
    }

    static Map<String, Object> line(String variantId, int quantity, Map<String, String> attributes) {
        return Map.of("merchandiseId", variantId, "quantity", quantity,
                "attributes", attributes.entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
    }

    /** A new cart with these lines; answers its id. */
    static String cart(GraphQL client, List<Map<String, Object>> lines) {
        JsonPath body = client.execute(CREATE, Map.of("i", Map.of("lines", lines)));
        assertThat(body.getList("data.cartCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.cartCreate.cart.id");
    }

    static JsonPath ok(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    /** A customer of the store, signed in: answers its access token. */
    static String customerToken(TestStore store, String email) {
        store.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "cart password")));
        String token = store.storefront().execute("mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { "
                + "customerAccessToken { accessToken } } }", Map.of("i", Map.of("email", email, "password", "cart password")))
                .getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");
        assertThat(token).isNotNull();
        return token;
    }

    /** Runs SQL as the application (row-level security on) in the store, in its own transaction. */
    static <T> T inStore(TestStore store, java.util.function.Function<EntityManager, T> work) {
        return InStore.call(store, work);
    }

    static long count(TestStore store, String sql, Object... parameters) {
        return InStore.count(store, sql, parameters);
    }

    static int execute(TestStore store, String sql, Object... parameters) {
        return InStore.execute(store, sql, parameters);
    }

    static UUID uuid(String globalId) {
        return UUID.fromString(globalId.substring(globalId.lastIndexOf('/') + 1));
    }
}
