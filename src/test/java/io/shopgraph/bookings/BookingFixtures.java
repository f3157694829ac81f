package io.shopgraph.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** Services, slots, carts and checkouts for the bookings tests. */
final class BookingFixtures {

    static final String SLOT_FIELDS = "id startsAt endsAt localStartsAt timezone durationMinutes capacity remaining available variantId";
    static final String SLOT_CREATE = "mutation($i: BookingSlotCreateInput!) { bookingSlotCreate(input: $i) { bookingSlot { " + SLOT_FIELDS
            + " } userErrors { code field message } } }";
    static final String SLOT_UPDATE = "mutation($id: ID!, $i: BookingSlotUpdateInput!) { bookingSlotUpdate(id: $id, input: $i) { "
            + "bookingSlot { " + SLOT_FIELDS + " } userErrors { code field message } } }";
    static final String SLOT_DELETE = "mutation($id: ID!) { bookingSlotDelete(id: $id) { deletedBookingSlotId userErrors { code field message } } }";
    static final String BOOKING_FIELDS = "id status quantity createdAt slot { id startsAt localStartsAt remaining }";
    static final String MOVE = "mutation($b: ID!, $s: ID!) { bookingMove(bookingId: $b, slotId: $s) { booking { " + BOOKING_FIELDS
            + " } userErrors { code field message } } }";
    static final String CANCEL_BOOKING = "mutation($b: ID!) { bookingCancel(bookingId: $b) { booking { " + BOOKING_FIELDS
            + " } userErrors { code field message } } }";
    static final String ORDER_LINES = "lines { id title quantity booking { " + BOOKING_FIELDS + " } }";
    static final String COMPLETE = "mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { order { id status "
            + ORDER_LINES + " } userErrors { code message field lineIds } } }";
    static final String ORDER = "query($id: ID!) { order(id: $id) { id status " + ORDER_LINES + " } }";
    static final String SLOTS = "query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on ProductVariant { bookingSlots(first: $first, "
            + "after: $after) { nodes { " + SLOT_FIELDS + " } pageInfo { hasNextPage endCursor } } } } }";
    static final String CART_ADD = "mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { cart { id "
            + "requiresShipping lines(first: 10) { nodes { id quantity requiresShipping bookingSlot { id startsAt } } } } "
            + "userErrors { code field message } } }";

    /**
     * The operator's capacity check (migration V202611261920): slots whose booked places differ from the places their
     * bookings hold, or exceed their capacity.
     */
    static final String CAPACITY_MISMATCHES = "select count(*) from (select s.id from bookings.slot s left join bookings.booking b "
            + "on b.store_id = s.store_id and b.slot_id = s.id group by s.store_id, s.id, s.booked, s.capacity "
            + "having s.booked <> coalesce(sum(b.quantity) filter (where b.status in ('HELD', 'CONFIRMED')), 0) "
            + "or s.booked > s.capacity) mismatched";

    private BookingFixtures() {
    }

    /** A published SERVICE product with one untracked variant of this price; answers the variant's id. */
    static String service(TestStore store, String title, String price) {
        return product(store, title, price, "SERVICE");
    }

    static String product(TestStore store, String title, String price, String kind) {
        JsonPath body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "kind", kind, "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", price)))));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.productCreate.product.variants.nodes[0].id");
    }

    /** Noon UTC on a day of next year (within the default planning horizon, always in the future). */
    static Instant nextYear(int month, int day, int hourUtc) {
        int year = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
        return LocalDate.of(year, month, day).atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
    }

    static JsonPath createSlot(TestStore store, String variantId, Object startsAt, int duration, int capacity) {
        return store.owner().execute(SLOT_CREATE, Map.of("i", Map.of("variantId", variantId, "startsAt", startsAt.toString(),
                "durationMinutes", duration, "capacity", capacity)));
    }

    /** A new slot (must succeed); answers its id. */
    static String slot(TestStore store, String variantId, Instant startsAt, int capacity) {
        JsonPath body = ok(createSlot(store, variantId, startsAt, 60, capacity), "bookingSlotCreate");
        return body.getString("data.bookingSlotCreate.bookingSlot.id");
    }

    /** A cart with one line of the variant in the slot, and a contact email; answers its id. */
    static String cart(GraphQL client, String variantId, String slotId, int quantity) {
        Map<String, Object> line = new HashMap<>(Map.of("merchandiseId", variantId, "quantity", quantity));
        if (slotId != null) {
            line.put("bookingSlotId", slotId);
        }
        JsonPath body = client.execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } userErrors { code message } } }",
                Map.of("i", Map.of("lines", List.of(line), "buyerIdentity", Map.of("email", "guest@example.com"))));
        assertThat(body.getList("data.cartCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.cartCreate.cart.id");
    }

    static JsonPath complete(GraphQL client, String cartId) {
        JsonPath body = client.execute(COMPLETE, Map.of("c", cartId, "k", UUID.randomUUID().toString()));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body;
    }

    /** A placed order of {@code quantity} places in the slot (must succeed): answers the checkoutComplete payload's order. */
    static JsonPath placed(TestStore store, String variantId, String slotId, int quantity) {
        JsonPath body = complete(store.storefront(), cart(store.storefront(), variantId, slotId, quantity));
        assertThat(body.getList("data.checkoutComplete.userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    static JsonPath ok(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    static String code(JsonPath body, String mutation) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body.getString("data." + mutation + ".userErrors[0].code");
    }

    /** A slot's free places, read by the merchant through the variant. */
    static int remaining(TestStore store, String variantId, String slotId) {
        JsonPath body = store.owner().execute(SLOTS, Map.of("id", variantId, "first", 100));
        List<Map<String, Object>> nodes = body.getList("data.node.bookingSlots.nodes");
        assertThat(nodes).as(body.prettify()).isNotNull();
        return nodes.stream().filter(n -> n.get("id").equals(slotId)).map(n -> (Integer) n.get("remaining")).findFirst()
                .orElseThrow(() -> new AssertionError("no slot " + slotId + " in " + body.prettify()));
    }

    static <T> T inStore(TestStore store, Function<EntityManager, T> work) {
        return InStore.call(store, work);
    }

    static long count(TestStore store, String sql, Object... parameters) {
        return InStore.count(store, sql, parameters);
    }

    static int execute(TestStore store, String sql, Object... parameters) {
        return InStore.execute(store, sql, parameters);
    }

    static void assertCapacityHolds(TestStore store) {
        assertThat(count(store, CAPACITY_MISMATCHES)).as("slots whose booked places differ from their bookings' or exceed capacity").isZero();
    }

    static UUID uuid(String globalId) {
        return UUID.fromString(globalId.substring(globalId.lastIndexOf('/') + 1));
    }
}
