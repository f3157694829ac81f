package io.shopgraph.cart;

import static io.shopgraph.cart.CartFixtures.ADD;
import static io.shopgraph.cart.CartFixtures.ATTRIBUTES;
import static io.shopgraph.cart.CartFixtures.BUYER;
import static io.shopgraph.cart.CartFixtures.NOTE;
import static io.shopgraph.cart.CartFixtures.REMOVE;
import static io.shopgraph.cart.CartFixtures.UPDATE;
import static io.shopgraph.cart.CartFixtures.line;
import static io.shopgraph.cart.CartFixtures.ok;
import static io.shopgraph.cart.CartFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.platform.cache.StorefrontCache;
import io.shopgraph.platform.graphql.StorefrontCacheRoute;
import io.shopgraph.cart.api.CartViews;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Carts and sessions never touch the storefront cache; each cart mutation and read has a fixed SQL budget. */
@QuarkusTest
class CartCacheAndStatementsTest {

    static final String LIST = "{ products(first: 10) { nodes { id title } } }";
    static final String MIN_READ = "query($id: ID!) { cart(id: $id) { id totalQuantity cost { subtotalAmount { amount } totalAmount { amount } } "
            + "lines(first: 100) { nodes { id quantity cost { totalAmount { amount } } merchandise { id title price { amount } } } } } }";
    static final String MIN_ADD = "mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { cart { id totalQuantity } "
            + "userErrors { code } } }";

    @Inject
    StorefrontCache cache;

    @Test
    void cartAndSessionMutationsNeitherFlushNorFillTheStorefrontCache() {
        TestStore store = TestStores.create("cart-cache");
        String mug = variant(store, "Mug", "10.00");
        await(cache::listening);
        store.storefront().execute("{ shop { name } }");
        store.storefront().post(LIST, Map.of());
        assertThat(store.storefront().post(LIST, Map.of()).header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("hit");
        // Entries also expire after max-age (5 s), which a slow machine may pass during this test: the store's
        // stamp, which every invalidation moves, is what tells that nothing flushed the store's answers.
        StorefrontCache.Stamp stamp = cache.stamp(store.id());

        String token = store.storefront().execute("mutation { sessionStart(input: {landingUrl: \"https://shop.example/\"}) { sessionToken } }")
                .getString("data.sessionStart.sessionToken");
        String id = CartFixtures.cart(store.storefront().header("X-Session-Token", token), List.of(line(mug, 1)));
        ok(store.storefront().header("X-Session-Token", token).execute(ADD, Map.of("c", id, "l", List.of(line(mug, 1)))), "cartLinesAdd");
        ok(store.storefront().execute(NOTE, Map.of("c", id, "n", "hi")), "cartNoteUpdate");
        store.storefront().header("X-Session-Token", token).execute("mutation { sessionEventRecord(event: {type: SEARCHED, searchQuery: \"mug\"}) "
                + "{ recorded } }");
        Response cartRead = store.storefront().post(CartFixtures.READ, Map.of("id", id));
        assertThat(cartRead.header(StorefrontCacheRoute.CACHE_HEADER)).as("a cart is never cached").isNull();
        assertThat(cache.stamp(store.id())).as("cart and session writes flushed nothing").isEqualTo(stamp);

        // The same check fails for a write that does change the catalog, so the test above can fail.
        store.owner().execute("mutation { collectionCreate(input: {title: \"New\"}) { userErrors { code } } }");
        await(() -> !cache.stamp(store.id()).equals(stamp));
        assertThat(store.storefront().post(LIST, Map.of()).header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("miss");
    }

    @Test
    void eachCartMutationAndTheCartReadHaveAFixedStatementBudget() {
        TestStore store = TestStores.create("cart-sql");
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            variants.add(variant(store, "Item " + i, "1.00"));
        }
        String token = store.storefront().execute("mutation { sessionStart(input: {landingUrl: \"https://shop.example/\"}) { sessionToken } }")
                .getString("data.sessionStart.sessionToken");
        var client = store.storefront().header("X-Session-Token", token).header("Cache-Control", "no-cache");
        client.execute("{ shop { name } }");
        String small = CartFixtures.cart(client, List.of(line(variants.get(0), 1)));
        String large = CartFixtures.cart(client, variants.stream().map(v -> line(v, 1)).toList());

        Map<String, Long> used = new LinkedHashMap<>();
        long sessionStatements = SqlStatementCounter.requestSessionTotal();
        long outboxStatements = SqlStatementCounter.requestOutboxTotal();
        used.put("cartCreate (1 line)", statements(() -> client.execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id "
                + "totalQuantity } userErrors { code } } }", Map.of("i", Map.of("lines",
                List.of(line(variants.get(0), 1)))))));
        used.put("cartLinesAdd (new line)", statements(() -> ok(client.execute(MIN_ADD, Map.of("c", small, "l", List.of(line(variants.get(1), 1)))),
                "cartLinesAdd")));
        used.put("cartLinesAdd (existing line)", statements(() -> ok(client.execute(MIN_ADD, Map.of("c", small, "l",
                List.of(line(variants.get(1), 1)))), "cartLinesAdd")));
        used.put("cartLinesAdd (existing line, 4-line cart)", statements(() -> ok(client.execute(MIN_ADD, Map.of("c", large, "l",
                List.of(line(variants.get(1), 1)))), "cartLinesAdd")));
        String lineId = client.execute(MIN_READ, Map.of("id", small)).getString("data.cart.lines.nodes[0].id");
        used.put("cartLinesUpdate", statements(() -> client.execute(UPDATE.replace(CartFixtures.CART_FIELDS, "id"),
                Map.of("c", small, "l", List.of(Map.of("id", lineId, "quantity", 3))))));
        used.put("cartNoteUpdate", statements(() -> client.execute(NOTE.replace(CartFixtures.CART_FIELDS, "id"), Map.of("c", small, "n", "n"))));
        used.put("cartAttributesUpdate", statements(() -> client.execute(ATTRIBUTES.replace(CartFixtures.CART_FIELDS, "id"),
                Map.of("c", small, "a", List.of(Map.of("key", "k", "value", "v"))))));
        used.put("cartBuyerIdentityUpdate (email)", statements(() -> client.execute(BUYER.replace(CartFixtures.CART_FIELDS, "id"),
                Map.of("c", small, "b", Map.of("email", "a@b.example")))));
        used.put("cartLinesRemove", statements(() -> client.execute(REMOVE.replace(CartFixtures.CART_FIELDS, "id"),
                Map.of("c", small, "l", List.of(lineId)))));
        long readSmall = statements(() -> client.execute(MIN_READ, Map.of("id", small)));
        long readLarge = statements(() -> client.execute(MIN_READ, Map.of("id", large)));
        // The cart's commands and reads are plain SQL on the transaction's pooled connection: none of them opened a
        // Hibernate session (its tenant resolution, persistence context and flush at commit were a sixth of a pair's CPU).
        assertThat(SqlStatementCounter.requestSessionTotal() - sessionStatements).as("statements run through a Hibernate session").isZero();
        // Every cart command above published events (CartCreated, CartLineAdded, ...); each recording rode on the command's
        // own write statement (counted above) instead of running one of its own.
        assertThat(SqlStatementCounter.requestOutboxTotal() - outboxStatements).as("outbox recordings in a statement of their own").isZero();
        // ... and they were recorded: the small cart's events, in the order of its commands.
        UUID smallId = GlobalId.parse(small, CartViews.CART).orElseThrow();
        List<Object> recorded = InStore.call(store, em -> List.copyOf(em.createNativeQuery(
                "select type from platform.event where aggregate_id = :a order by seq").setParameter("a", smallId).getResultList()));
        assertThat(recorded).containsSubsequence("cart.CartCreated", "cart.CartLineAdded",
                        "cart.CartLineAdded", "cart.CartLineUpdated", "cart.CartLineRemoved");
        used.put("cart(id:) with lines, merchandise and cost", readLarge);
        // Counted: every statement of the operation (NativeRows counts its own like Hibernate's; the cart's commands record
        // their events in their write statement). Not counted: the set_config that binds each transaction to its store.
        System.out.println("cart SQL statements per operation: " + used);

        // The cart with its lines and their merchandise (1: the catalog's variants ride on the cart's statement), and
        // pricing's one read (1) of the store's discounts, the tax rates at the destination and, for a cart that ships, the
        // shipping zones, for the cart's cost (the lines' costs share that one pricing).
        assertThat(readLarge).as("the read does not grow with the lines").isEqualTo(readSmall).isLessThanOrEqualTo(2);
        assertThat(used.get("cartLinesAdd (existing line, 4-line cart)")).isEqualTo(used.get("cartLinesAdd (existing line)"));
        // The lock with the variants to add (one statement), the lines, one write for the cart's row and its lines
        // together, and the session's events (this client has a session).
        assertThat(used.get("cartLinesAdd (new line)")).isLessThanOrEqualTo(4);
        assertThat(used.get("cartCreate (1 line)")).as("the cart and its line in one insert").isLessThanOrEqualTo(5);
        used.forEach((operation, count) -> assertThat(count).as(operation).isLessThanOrEqualTo(8));
    }

    private static long statements(Supplier<JsonPath> call) {
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = call.get();
        long count = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return count;
    }

    private static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.get()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
