package io.shopgraph.checkout;

import static io.shopgraph.checkout.CheckoutFixtures.BY_TOKEN;
import static io.shopgraph.checkout.CheckoutFixtures.MARK_PAID;
import static io.shopgraph.checkout.CheckoutFixtures.ORDER;
import static io.shopgraph.checkout.CheckoutFixtures.REFUND;
import static io.shopgraph.checkout.CheckoutFixtures.assertLedgerHolds;
import static io.shopgraph.checkout.CheckoutFixtures.count;
import static io.shopgraph.checkout.CheckoutFixtures.execute;
import static io.shopgraph.checkout.CheckoutFixtures.ok;
import static io.shopgraph.checkout.CheckoutFixtures.placed;
import static io.shopgraph.checkout.CheckoutFixtures.stock;
import static io.shopgraph.checkout.CheckoutFixtures.uuid;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.orders.application.ReservationExpiryJob;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Who may read an order, reservations that expire, and payments that come after them. */
@QuarkusTest
class OrderLifecycleTest {

    @Test
    void aGuestReadsOnlyTheOrderOfItsOwnTokenAndOnlyInItsStore() {
        TestStore store = TestStores.create("orders-guest");
        TestStore other = TestStores.create("orders-guest-other");
        String variant = variant(store, "Scarf", "15.00", null);
        JsonPath mine = placed(store, variant, 1);
        JsonPath theirs = placed(store, variant, 1);
        String myToken = mine.getString("data.checkoutComplete.orderToken");
        assertThat(store.storefront().execute(BY_TOKEN, Map.of("t", myToken)).getString("data.orderByToken.id"))
                .isEqualTo(mine.getString("data.checkoutComplete.order.id"))
                .isNotEqualTo(theirs.getString("data.checkoutComplete.order.id"));
        // A guessed token, a token with a character changed and the right token through another store's storefront: nothing.
        assertThat(store.storefront().execute(BY_TOKEN, Map.of("t", "sgot_" + UUID.randomUUID())).getString("data.orderByToken")).isNull();
        String tampered = myToken.substring(0, myToken.length() - 1) + (myToken.endsWith("A") ? "B" : "A");
        assertThat(store.storefront().execute(BY_TOKEN, Map.of("t", tampered)).getString("data.orderByToken")).isNull();
        assertThat(other.storefront().execute(BY_TOKEN, Map.of("t", myToken)).getString("data.orderByToken")).isNull();
        // Storefronts see no merchant fields, and cannot open orders by id.
        JsonPath merchantFields = store.storefront().execute("query($t: String!) { orderByToken(token: $t) { note timeline { kind } } }",
                Map.of("t", myToken));
        assertThat(merchantFields.getString("data.orderByToken.timeline")).isNull();
        assertThat(store.storefront().execute("query($id: ID!) { node(id: $id) { id } }",
                Map.of("id", mine.getString("data.checkoutComplete.order.id"))).getString("data.node")).isNull();
    }

    @Test
    void aRefundOnAnotherStoresOrderIsRefusedAndNothingIsPaidBack() {
        TestStore store = TestStores.create("orders-victim");
        TestStore attacker = TestStores.create("orders-attacker");
        String variant = variant(store, "Clock", "60.00", 3);
        String orderId = placed(store, variant, 1).getString("data.checkoutComplete.order.id");
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        JsonPath refused = attacker.owner().execute(REFUND, Map.of("id", orderId, "i", Map.of("amount", "60.00")));
        assertThat(refused.getList("errors")).isNull();
        assertThat(refused.getString("data.refundCreate.userErrors[0].code")).isEqualTo("ORDER_NOT_FOUND");
        assertThat(refused.getString("data.refundCreate.order")).isNull();
        assertThat(count(store, "select count(*) from payments.refund")).isZero();
        assertThat(store.owner().execute(ORDER, Map.of("id", orderId)).getString("data.order.status")).isEqualTo("PAID");
        assertThat(attacker.owner().execute(ORDER, Map.of("id", orderId)).getString("data.order")).isNull();
    }

    @Test
    void aSignedInCustomerReadsTheirOwnOrders() {
        TestStore store = TestStores.create("orders-customer");
        String variant = variant(store, "Cap", "18.00", null);
        String email = "cust-" + UUID.randomUUID() + "@example.com";
        store.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "order password")));
        String token = store.storefront().execute("mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { "
                + "customerAccessToken { accessToken } } }", Map.of("i", Map.of("email", email, "password", "order password")))
                .getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");
        var customer = store.storefront().header("X-Customer-Token", token);
        String cart = customer.execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } } }", Map.of("i", Map.of(
                "lines", List.of(Map.of("merchandiseId", variant, "quantity", 1)), "buyerIdentity", Map.of("customerAccessToken", token))))
                .getString("data.cartCreate.cart.id");
        JsonPath done = CheckoutFixtures.complete(customer, cart, UUID.randomUUID().toString());
        assertThat(done.getList("data.checkoutComplete.userErrors")).as(done.prettify()).isEmpty();
        assertThat(done.getString("data.checkoutComplete.order.email")).isEqualTo(email);
        placed(store, variant, 1); // a guest's order, not theirs
        JsonPath orders = customer.execute("{ customer { orders(first: 10) { nodes { id name } } } }");
        assertThat(orders.getList("data.customer.orders.nodes.id")).containsExactly(done.getString("data.checkoutComplete.order.id"));
    }

    @Test
    void anExpiredReservationReleasesItsStockAndALatePaymentTakesItAgainOrIsRefunded() {
        TestStore store = TestStores.create("orders-expiry");
        String variant = variant(store, "Kettle", "40.00", 2);
        String late = placed(store, variant, 1).getString("data.checkoutComplete.order.id");
        String lost = placed(store, variant, 1).getString("data.checkoutComplete.order.id");
        assertThat(stock(store, variant)).containsExactly(2, 2);
        expire(store, late);
        expire(store, lost);
        // (The scheduled pass may run first: the result, not who got there, is what counts.)
        Arc.container().instance(ReservationExpiryJob.class).get().runOnce();
        assertThat(stock(store, variant)).containsExactly(2, 0);
        Arc.container().instance(ReservationExpiryJob.class).get().runOnce();
        assertThat(stock(store, variant)).as("a second pass releases nothing more").containsExactly(2, 0);
        assertThat(count(store, "select count(*) from inventory.stock_movement where kind = 'RELEASE'")).isEqualTo(2);

        // One unit is sold to someone else meanwhile: the first late payment gets the last unit, the second is refunded.
        placed(store, variant, 1);
        ok(store.owner().execute(MARK_PAID, Map.of("id", late)), "orderMarkAsPaid");
        assertThat(store.owner().execute(ORDER, Map.of("id", late)).getString("data.order.status")).isEqualTo("PAID");
        assertThat(stock(store, variant)).containsExactly(1, 1);
        ok(store.owner().execute(MARK_PAID, Map.of("id", lost)), "orderMarkAsPaid");
        JsonPath refunded = store.owner().execute(ORDER, Map.of("id", lost));
        assertThat(refunded.getString("data.order.status")).isEqualTo("CANCELLED");
        assertThat(refunded.getString("data.order.totalRefunded.amount")).isEqualTo("40.00");
        assertThat(refunded.getList("data.order.timeline.kind", String.class)).contains("RESERVATION_EXPIRED", "PAID_AFTER_EXPIRY", "CANCELLED");
        assertThat(stock(store, variant)).containsExactly(1, 1);
        assertLedgerHolds(store);
    }

    @Test
    void merchantStockChangesAndOrderMovementsAreAllLedgerRows() {
        TestStore store = TestStores.create("orders-ledger");
        String variant = variant(store, "Bowl", "10.00", 5);
        ok(store.owner().execute("mutation($v: ID!) { inventorySetQuantities(input: {quantities: [{variantId: $v, compareQuantity: 5, "
                + "quantity: 8}]}) { userErrors { code } } }", Map.of("v", variant)), "inventorySetQuantities");
        ok(store.owner().execute("mutation($v: ID!) { inventoryAdjustQuantities(input: {reason: DAMAGED, changes: [{variantId: $v, "
                + "delta: -2}]}) { userErrors { code } } }", Map.of("v", variant)), "inventoryAdjustQuantities");
        String orderId = placed(store, variant, 2).getString("data.checkoutComplete.order.id");
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        assertThat(stock(store, variant)).containsExactly(4, 0);
        List<?> movements = CheckoutFixtures.inStore(store, em -> em.createNativeQuery("select kind || ':' || on_hand_delta || ':' "
                + "|| reserved_delta from inventory.stock_movement order by created_at, id").getResultList());
        assertThat(movements.stream().map(Object::toString).toList())
                .containsExactly("INITIAL:5:0", "SET:3:0", "ADJUST:-2:0", "RESERVE:0:2", "COMMIT:-2:-2");
        assertLedgerHolds(store);
    }

    @Test
    void thePaymentEventRacingTheSynchronousPathAndRepeatedDeliveriesGiveOnePaidTransition() throws Exception {
        TestStore store = TestStores.create("orders-one-paid");
        String variant = variant(store, "Tray", "22.00", 4);
        String orderId = placed(store, variant, 1).getString("data.checkoutComplete.order.id");
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        UUID order = uuid(orderId);
        // The payment's own event reaches the orders.payments consumer after commit: wait until it was handled.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count(store, "select count(*) from platform.event_delivery where consumer = 'orders.payments' and status = 'PENDING'") > 0) {
            assertThat(System.nanoTime()).as("the payment event is handled").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(count(store, "select count(*) from platform.event_delivery where consumer = 'orders.payments'")).isPositive();
        // The same payment applied 5 times in a row and 10 times at once, as duplicate webhooks would.
        var payments = Arc.container().instance(io.shopgraph.payments.api.PaymentsApi.class).get();
        var orders = Arc.container().instance(io.shopgraph.orders.api.OrdersApi.class).get();
        var scope = Arc.container().instance(io.shopgraph.platform.tenancy.TenantScope.class).get();
        var payment = scope.call(store.id(), () -> payments.byReferences(List.of(order)).get(order).get(0));
        for (int i = 0; i < 5; i++) {
            scope.run(store.id(), () -> orders.applyPayment(payment));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    scope.run(store.id(), () -> orders.applyPayment(payment));
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(store, "select count(*) from platform.event where type = 'orders.OrderPaid' and aggregate_id = ?1", order)).isEqualTo(1);
        assertThat(count(store, "select count(*) from orders.order_event where order_id = ?1 and kind = 'PAYMENT'", order)).isEqualTo(1);
        assertThat(count(store, "select count(*) from inventory.stock_movement where kind = 'COMMIT'")).isEqualTo(1);
        assertThat(store.owner().execute(ORDER, Map.of("id", orderId)).getString("data.order.status")).isEqualTo("PAID");
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertLedgerHolds(store);
    }

    private static void expire(TestStore store, String orderId) {
        execute(store, "update orders.sales_order set reserved_until = now() - interval '1 minute' where id = ?1", uuid(orderId));
        execute(store, "update orders.order_counter set next_expiry = now() - interval '1 minute'");
    }
}
