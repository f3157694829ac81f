package io.shopgraph.bookings;

import static io.shopgraph.bookings.BookingFixtures.CANCEL_BOOKING;
import static io.shopgraph.bookings.BookingFixtures.CART_ADD;
import static io.shopgraph.bookings.BookingFixtures.COMPLETE;
import static io.shopgraph.bookings.BookingFixtures.MOVE;
import static io.shopgraph.bookings.BookingFixtures.ORDER;
import static io.shopgraph.bookings.BookingFixtures.SLOTS;
import static io.shopgraph.bookings.BookingFixtures.SLOT_DELETE;
import static io.shopgraph.bookings.BookingFixtures.SLOT_UPDATE;
import static io.shopgraph.bookings.BookingFixtures.assertCapacityHolds;
import static io.shopgraph.bookings.BookingFixtures.cart;
import static io.shopgraph.bookings.BookingFixtures.code;
import static io.shopgraph.bookings.BookingFixtures.complete;
import static io.shopgraph.bookings.BookingFixtures.count;
import static io.shopgraph.bookings.BookingFixtures.createSlot;
import static io.shopgraph.bookings.BookingFixtures.execute;
import static io.shopgraph.bookings.BookingFixtures.nextYear;
import static io.shopgraph.bookings.BookingFixtures.ok;
import static io.shopgraph.bookings.BookingFixtures.placed;
import static io.shopgraph.bookings.BookingFixtures.product;
import static io.shopgraph.bookings.BookingFixtures.remaining;
import static io.shopgraph.bookings.BookingFixtures.service;
import static io.shopgraph.bookings.BookingFixtures.slot;
import static io.shopgraph.bookings.BookingFixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.orders.application.ReservationExpiryJob;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Bookable services end to end over HTTP: slots, the storefront's view of them, carts, checkout, releases and the merchant's moves. */
@QuarkusTest
class BookingsTest {

    @Test
    void theMerchantManagesSlotsAndShoppersSeeThemInTheStoreTimeZone() {
        TestStore store = TestStores.create("bookings-slots");
        String session = service(store, "Coffee tasting", "35.00");
        String mug = product(store, "Mug", "12.00", "PHYSICAL");
        Instant winter = nextYear(1, 15, 9);
        Instant summer = nextYear(7, 15, 9);

        JsonPath created = ok(createSlot(store, session, winter, 90, 8), "bookingSlotCreate");
        int year = winter.atZone(java.time.ZoneOffset.UTC).getYear();
        // The test store is in Europe/Paris: 09:00 UTC is 10:00 in winter (+01:00) and 11:00 in summer (+02:00).
        assertThat(created.getString("data.bookingSlotCreate.bookingSlot.startsAt")).isEqualTo(year + "-01-15T10:00:00+01:00");
        assertThat(created.getString("data.bookingSlotCreate.bookingSlot.endsAt")).isEqualTo(year + "-01-15T11:30:00+01:00");
        assertThat(created.getString("data.bookingSlotCreate.bookingSlot.localStartsAt")).isEqualTo(year + "-01-15T10:00:00");
        assertThat(created.getString("data.bookingSlotCreate.bookingSlot.timezone")).isEqualTo("Europe/Paris");
        assertThat(created.getInt("data.bookingSlotCreate.bookingSlot.remaining")).isEqualTo(8);
        assertThat(created.getBoolean("data.bookingSlotCreate.bookingSlot.available")).isTrue();
        String winterSlot = created.getString("data.bookingSlotCreate.bookingSlot.id");
        String summerSlot = slot(store, session, summer, 2);

        assertThat(code(createSlot(store, mug, winter, 60, 5), "bookingSlotCreate")).isEqualTo("NOT_A_SERVICE");
        assertThat(code(createSlot(store, session, Instant.now().minusSeconds(60), 60, 5), "bookingSlotCreate")).isEqualTo("INVALID_START");
        assertThat(code(createSlot(store, session, Instant.now().plusSeconds(3 * 365 * 86400L), 60, 5), "bookingSlotCreate"))
                .isEqualTo("INVALID_START");
        assertThat(code(createSlot(store, session, summer.plusSeconds(3600), 0, 5), "bookingSlotCreate")).isEqualTo("INVALID_DURATION");
        assertThat(code(createSlot(store, session, summer.plusSeconds(3600), 60, 0), "bookingSlotCreate")).isEqualTo("INVALID_CAPACITY");
        assertThat(code(createSlot(store, session, winter, 30, 5), "bookingSlotCreate")).isEqualTo("DUPLICATE_SLOT");
        assertThat(code(createSlot(store, "gid://shopgraph/ProductVariant/" + UUID.randomUUID(), winter, 30, 5), "bookingSlotCreate"))
                .isEqualTo("VARIANT_NOT_FOUND");
        assertThat(count(store, "select count(*) from bookings.slot")).isEqualTo(2);

        // The storefront sees both, in start order, one page at a time, with the offset of each date.
        JsonPath first = store.storefront().execute(SLOTS, Map.of("id", session, "first", 1));
        assertThat(first.getList("errors")).as(first.prettify()).isNull();
        assertThat(first.getString("data.node.bookingSlots.nodes[0].id")).isEqualTo(winterSlot);
        assertThat(first.getBoolean("data.node.bookingSlots.pageInfo.hasNextPage")).isTrue();
        JsonPath second = store.storefront().execute(SLOTS, Map.of("id", session, "first", 1,
                "after", first.getString("data.node.bookingSlots.pageInfo.endCursor")));
        assertThat(second.getString("data.node.bookingSlots.nodes[0].id")).isEqualTo(summerSlot);
        assertThat(second.getString("data.node.bookingSlots.nodes[0].startsAt")).isEqualTo(year + "-07-15T11:00:00+02:00");
        assertThat(second.getString("data.node.bookingSlots.nodes[0].localStartsAt")).isEqualTo(year + "-07-15T11:00:00");
        assertThat(second.getBoolean("data.node.bookingSlots.pageInfo.hasNextPage")).isFalse();
        JsonPath mugSlots = store.storefront().execute(SLOTS, Map.of("id", mug, "first", 5));
        assertThat(mugSlots.getList("data.node.bookingSlots.nodes")).isEmpty();

        // Booked places bound the capacity and keep the slot; an unbooked slot can go.
        placed(store, session, winterSlot, 3);
        assertThat(remaining(store, session, winterSlot)).isEqualTo(5);
        assertThat(code(store.owner().execute(SLOT_UPDATE, Map.of("id", winterSlot, "i", Map.of("capacity", 2))), "bookingSlotUpdate"))
                .isEqualTo("CAPACITY_BELOW_BOOKED");
        JsonPath lowered = ok(store.owner().execute(SLOT_UPDATE, Map.of("id", winterSlot, "i", Map.of("capacity", 3, "durationMinutes", 45))),
                "bookingSlotUpdate");
        assertThat(lowered.getInt("data.bookingSlotUpdate.bookingSlot.remaining")).isZero();
        assertThat(lowered.getBoolean("data.bookingSlotUpdate.bookingSlot.available")).isFalse();
        assertThat(lowered.getString("data.bookingSlotUpdate.bookingSlot.endsAt")).isEqualTo(year + "-01-15T10:45:00+01:00");
        assertThat(code(store.owner().execute(SLOT_UPDATE, Map.of("id", summerSlot, "i", Map.of("startsAt", winter.toString()))),
                "bookingSlotUpdate")).isEqualTo("DUPLICATE_SLOT");
        assertThat(code(store.owner().execute(SLOT_DELETE, Map.of("id", winterSlot)), "bookingSlotDelete")).isEqualTo("SLOT_HAS_BOOKINGS");
        ok(store.owner().execute(SLOT_DELETE, Map.of("id", summerSlot)), "bookingSlotDelete");
        assertThat(code(store.owner().execute(SLOT_DELETE, Map.of("id", summerSlot)), "bookingSlotDelete")).isEqualTo("SLOT_NOT_FOUND");
        assertThat(count(store, "select count(*) from bookings.slot")).isEqualTo(1);
        assertCapacityHolds(store);
    }

    @Test
    void aServiceLineCarriesItsSlotIntoTheOrderWithoutShipping() {
        TestStore store = TestStores.create("bookings-cart");
        String session = service(store, "Knife sharpening", "20.00");
        String other = service(store, "Styling session", "80.00");
        String slot = slot(store, session, nextYear(3, 2, 14), 4);
        String otherSlot = slot(store, other, nextYear(3, 2, 14), 4);
        String cartId = store.storefront().execute("mutation { cartCreate(input: {buyerIdentity: {email: \"ada@example.com\"}}) { cart { id } } }")
                .getString("data.cartCreate.cart.id");

        assertThat(code(store.storefront().execute(CART_ADD, Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", session)))),
                "cartLinesAdd")).isEqualTo("BOOKING_SLOT_REQUIRED");
        assertThat(code(store.storefront().execute(CART_ADD, Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", session,
                "bookingSlotId", otherSlot)))), "cartLinesAdd")).isEqualTo("INVALID_BOOKING_SLOT");
        assertThat(code(store.storefront().execute(CART_ADD, Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", session,
                "bookingSlotId", "gid://shopgraph/BookingSlot/not-a-uuid")))), "cartLinesAdd")).isEqualTo("INVALID_BOOKING_SLOT");
        assertThat(code(store.storefront().execute(CART_ADD, Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", session,
                "bookingSlotId", slot, "quantity", 5)))), "cartLinesAdd")).isEqualTo("BOOKING_SLOT_UNAVAILABLE");

        JsonPath added = ok(store.storefront().execute(CART_ADD, Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", session,
                "bookingSlotId", slot, "quantity", 2)))), "cartLinesAdd");
        assertThat(added.getString("data.cartLinesAdd.cart.lines.nodes[0].bookingSlot.id")).isEqualTo(slot);
        assertThat(added.getBoolean("data.cartLinesAdd.cart.lines.nodes[0].requiresShipping")).isFalse();
        assertThat(added.getBoolean("data.cartLinesAdd.cart.requiresShipping")).isFalse();
        // The same slot adds to the line; the line never asks for more places than are free.
        assertThat(code(store.storefront().execute(CART_ADD, Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", session,
                "bookingSlotId", slot, "quantity", 3)))), "cartLinesAdd")).isEqualTo("BOOKING_SLOT_UNAVAILABLE");

        // A service needs no address or delivery option: checkout books the places with the order.
        JsonPath body = complete(store.storefront(), cartId);
        assertThat(body.getList("data.checkoutComplete.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getString("data.checkoutComplete.order.lines[0].booking.status")).isEqualTo("HELD");
        assertThat(body.getInt("data.checkoutComplete.order.lines[0].booking.quantity")).isEqualTo(2);
        assertThat(body.getString("data.checkoutComplete.order.lines[0].booking.slot.id")).isEqualTo(slot);
        assertThat(body.getString("data.checkoutComplete.order.lines[0].booking.slot.localStartsAt")).endsWith("-03-02T15:00:00");
        assertThat(body.getInt("data.checkoutComplete.order.lines[0].booking.slot.remaining")).isEqualTo(2);
        String orderId = body.getString("data.checkoutComplete.order.id");
        ok(store.owner().execute("mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", Map.of("id", orderId)), "orderMarkAsPaid");
        JsonPath order = store.owner().execute(ORDER, Map.of("id", orderId));
        assertThat(order.getString("data.order.status")).isEqualTo("PAID");
        assertThat(order.getString("data.order.lines[0].booking.status")).isEqualTo("CONFIRMED");
        assertThat(remaining(store, session, slot)).isEqualTo(2);
        assertCapacityHolds(store);
    }

    @Test
    void thirtyConcurrentCheckoutsForTenPlacesBookExactlyTen() throws Exception {
        TestStore store = TestStores.create("bookings-race");
        String session = service(store, "Pottery workshop", "45.00");
        String slot = slot(store, session, nextYear(5, 20, 8), 10);
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            carts.add(cart(store.storefront(), session, slot, 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        int placed = 0;
        int full = 0;
        String refusedCart = null;
        try {
            List<Future<JsonPath>> results = new ArrayList<>();
            for (String cartId : carts) {
                results.add(pool.submit(() -> {
                    start.await();
                    return completeRetryingTimeouts(store, cartId);
                }));
            }
            start.countDown();
            for (int i = 0; i < results.size(); i++) {
                JsonPath body = results.get(i).get();
                assertThat(body.getList("errors")).as(body.prettify()).isNull();
                List<String> codes = body.getList("data.checkoutComplete.userErrors.code", String.class);
                if (codes.isEmpty()) {
                    placed++;
                } else {
                    assertThat(codes).containsExactly("SLOT_UNAVAILABLE");
                    assertThat(body.getList("data.checkoutComplete.userErrors[0].lineIds")).hasSize(1);
                    assertThat(body.getString("data.checkoutComplete.order")).isNull();
                    full++;
                    refusedCart = carts.get(i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(placed).isEqualTo(10);
        assertThat(full).isEqualTo(20);
        assertThat(count(store, "select count(*) from orders.sales_order")).isEqualTo(10);
        assertThat(count(store, "select count(*) from bookings.booking where status = 'HELD'")).isEqualTo(10);
        assertThat(count(store, "select booked from bookings.slot")).isEqualTo(10);
        assertThat(remaining(store, session, slot)).isZero();
        // A refused cart stays open, and now tells the shopper why.
        JsonPath warned = store.storefront().execute("query($id: ID!) { cart(id: $id) { warnings { code } } }", Map.of("id", refusedCart));
        assertThat(warned.getList("data.cart.warnings.code", String.class)).containsExactly("BOOKING_SLOT_UNAVAILABLE");
        assertCapacityHolds(store);
    }

    /**
     * checkoutComplete as a careful client calls it: a TIMEOUT (the 5 s storefront deadline on a crowded test machine,
     * whose transaction was rolled back) is retried with the same idempotency key, which replays an order already
     * placed and never places a second one.
     */
    private static JsonPath completeRetryingTimeouts(TestStore store, String cartId) {
        String key = UUID.randomUUID().toString();
        JsonPath body = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            body = store.storefront().execute(COMPLETE, Map.of("c", cartId, "k", key));
            List<String> codes = body.getList("errors.extensions.code", String.class);
            if (codes == null || !codes.equals(List.of("TIMEOUT"))) {
                return body;
            }
        }
        return body;
    }

    @Test
    void cancellationExpiryAndARefundWithRestockGivePlacesBack() {
        TestStore store = TestStores.create("bookings-release");
        String session = service(store, "Yoga class", "15.00");
        String slot = slot(store, session, nextYear(4, 10, 7), 3);
        String cancelled = placed(store, session, slot, 1).getString("data.checkoutComplete.order.id");
        String expired = placed(store, session, slot, 1).getString("data.checkoutComplete.order.id");
        JsonPath paid = placed(store, session, slot, 1);
        String refunded = paid.getString("data.checkoutComplete.order.id");
        assertThat(remaining(store, session, slot)).isZero();

        ok(store.owner().execute("mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }", Map.of("id", cancelled)), "orderCancel");
        assertThat(remaining(store, session, slot)).isEqualTo(1);
        assertThat(store.owner().execute(ORDER, Map.of("id", cancelled)).getString("data.order.lines[0].booking.status")).isEqualTo("RELEASED");

        execute(store, "update orders.sales_order set reserved_until = now() - interval '1 minute' where id = ?1", uuid(expired));
        execute(store, "update orders.order_counter set next_expiry = now() - interval '1 minute'");
        Arc.container().instance(ReservationExpiryJob.class).get().runOnce();
        assertThat(remaining(store, session, slot)).isEqualTo(2);
        assertThat(store.owner().execute(ORDER, Map.of("id", expired)).getString("data.order.lines[0].booking.status")).isEqualTo("RELEASED");

        ok(store.owner().execute("mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", Map.of("id", refunded)), "orderMarkAsPaid");
        String line = paid.getString("data.checkoutComplete.order.lines[0].id");
        ok(store.owner().execute("mutation($id: ID!, $i: RefundInput!) { refundCreate(orderId: $id, input: $i) { userErrors { code } } }",
                Map.of("id", refunded, "i", Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "restock", true))), "refundCreate");
        assertThat(remaining(store, session, slot)).isEqualTo(3);
        assertThat(store.owner().execute(ORDER, Map.of("id", refunded)).getString("data.order.lines[0].booking.status")).isEqualTo("RELEASED");
        assertCapacityHolds(store);
    }

    @Test
    void theMerchantMovesABookingOnlyWhereThereIsRoomAndCancellingFreesAPlace() {
        TestStore store = TestStores.create("bookings-move");
        String session = service(store, "Guitar lesson", "30.00");
        String other = service(store, "Drum lesson", "30.00");
        String morning = slot(store, session, nextYear(6, 1, 7), 2);
        String evening = slot(store, session, nextYear(6, 1, 16), 1);
        String drums = slot(store, other, nextYear(6, 1, 16), 5);
        JsonPath mover = placed(store, session, morning, 1);
        JsonPath blocker = placed(store, session, evening, 1);
        String moving = mover.getString("data.checkoutComplete.order.lines[0].booking.id");
        String blocking = blocker.getString("data.checkoutComplete.order.lines[0].booking.id");

        assertThat(code(store.owner().execute(MOVE, Map.of("b", moving, "s", evening)), "bookingMove")).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(code(store.owner().execute(MOVE, Map.of("b", moving, "s", drums)), "bookingMove")).isEqualTo("INVALID_TARGET_SLOT");
        assertThat(code(store.owner().execute(MOVE, Map.of("b", moving, "s", morning)), "bookingMove")).isEqualTo("INVALID_TARGET_SLOT");
        assertThat(code(store.owner().execute(MOVE, Map.of("b", "gid://shopgraph/Booking/" + UUID.randomUUID(), "s", evening)), "bookingMove"))
                .isEqualTo("BOOKING_NOT_FOUND");
        assertThat(remaining(store, session, morning)).isEqualTo(1);
        assertThat(remaining(store, session, evening)).isZero();

        JsonPath freed = ok(store.owner().execute(CANCEL_BOOKING, Map.of("b", blocking)), "bookingCancel");
        assertThat(freed.getString("data.bookingCancel.booking.status")).isEqualTo("CANCELLED");
        assertThat(remaining(store, session, evening)).isEqualTo(1);
        assertThat(code(store.owner().execute(CANCEL_BOOKING, Map.of("b", blocking)), "bookingCancel")).isEqualTo("INVALID_STATE");

        JsonPath moved = ok(store.owner().execute(MOVE, Map.of("b", moving, "s", evening)), "bookingMove");
        assertThat(moved.getString("data.bookingMove.booking.slot.id")).isEqualTo(evening);
        assertThat(remaining(store, session, morning)).isEqualTo(2);
        assertThat(remaining(store, session, evening)).isZero();
        JsonPath order = store.owner().execute(ORDER, Map.of("id", mover.getString("data.checkoutComplete.order.id")));
        assertThat(order.getString("data.order.lines[0].booking.slot.id")).isEqualTo(evening);
        assertThat(order.getString("data.order.lines[0].booking.status")).isEqualTo("HELD");
        // The order's later release follows the booking to its new slot.
        ok(store.owner().execute("mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }",
                Map.of("id", mover.getString("data.checkoutComplete.order.id"))), "orderCancel");
        assertThat(remaining(store, session, evening)).isEqualTo(1);
        assertCapacityHolds(store);
    }

    @Test
    void readingSlotsTakesTheSameStatementsForTwoOrSixServices() {
        TestStore small = TestStores.create("bookings-stmts-small");
        TestStore large = TestStores.create("bookings-stmts-large");
        for (TestStore store : List.of(small, large)) {
            for (int i = 0; i < (store == small ? 2 : 6); i++) {
                String variant = service(store, "Class " + i, "10.00");
                String slot = slot(store, variant, nextYear(2, 1 + i, 9), 3);
                slot(store, variant, nextYear(2, 1 + i, 15), 3);
                placed(store, variant, slot, 1);
            }
        }
        String page = "{ products(first: 10) { nodes { id variants(first: 5) { nodes { id bookingSlots(first: 5) { nodes { id startsAt "
                + "localStartsAt remaining available } } } } } } }";
        long smallCount = statements(small, page, 2);
        long largeCount = statements(large, page, 6);
        assertThat(largeCount).as("statements for 6 services vs %d for 2", smallCount).isEqualTo(smallCount);

        // The merchant's order list with each line's booking: the same statements for 2 or 6 orders.
        String orders = "{ orders(first: 10) { nodes { id lines { title booking { status quantity slot { startsAt remaining } } } } } }";
        long smallOrders = merchantStatements(small, orders);
        long largeOrders = merchantStatements(large, orders);
        assertThat(large.owner().execute(orders).getList("data.orders.nodes.lines.booking.status").toString()).contains("HELD");
        assertThat(largeOrders).as("statements for 6 orders vs %d for 2", smallOrders).isEqualTo(smallOrders);
    }

    private static long merchantStatements(TestStore store, String query) {
        store.owner().execute(query); // warm: the merchant's membership is read once
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.owner().execute(query);
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return used;
    }

    private static long statements(TestStore store, String query, int products) {
        store.storefront().uncached().execute(query); // warm: the storefront token and the store's settings are read once
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(query);
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.products.nodes")).hasSize(products);
        assertThat(body.getList("data.products.nodes[0].variants.nodes[0].bookingSlots.nodes")).hasSize(2);
        return used;
    }
}
