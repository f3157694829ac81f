package io.shopgraph.checkout;

import static io.shopgraph.checkout.CheckoutFixtures.BY_TOKEN;
import static io.shopgraph.checkout.CheckoutFixtures.CANCEL;
import static io.shopgraph.checkout.CheckoutFixtures.FULFIL;
import static io.shopgraph.checkout.CheckoutFixtures.MARK_PAID;
import static io.shopgraph.checkout.CheckoutFixtures.ORDER;
import static io.shopgraph.checkout.CheckoutFixtures.REFUND;
import static io.shopgraph.checkout.CheckoutFixtures.assertLedgerHolds;
import static io.shopgraph.checkout.CheckoutFixtures.cart;
import static io.shopgraph.checkout.CheckoutFixtures.complete;
import static io.shopgraph.checkout.CheckoutFixtures.count;
import static io.shopgraph.checkout.CheckoutFixtures.ok;
import static io.shopgraph.checkout.CheckoutFixtures.placed;
import static io.shopgraph.checkout.CheckoutFixtures.stock;
import static io.shopgraph.checkout.CheckoutFixtures.uuid;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** checkoutComplete with the manual provider, end to end over HTTP, and what the order goes through afterwards. */
@QuarkusTest
class CheckoutTest {

    @Test
    void aManualCheckoutReservesStockThenMarkAsPaidCommitsItAndTheOrderIsFulfilledAndRefunded() {
        TestStore store = TestStores.create("checkout-full");
        String variant = variant(store, "Linen shirt", "49.90", 5);
        String cartId = cart(store.storefront(), variant, 2, "ada@example.com");

        JsonPath body = complete(store.storefront(), cartId, "key-" + UUID.randomUUID());
        assertThat(body.getList("data.checkoutComplete.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getString("data.checkoutComplete.order.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(body.getString("data.checkoutComplete.order.name")).isEqualTo("#1001");
        assertThat(body.getString("data.checkoutComplete.order.email")).isEqualTo("ada@example.com");
        assertThat(body.getString("data.checkoutComplete.order.cost.totalAmount.amount")).isEqualTo("99.80");
        assertThat(body.getString("data.checkoutComplete.order.lines[0].title")).isEqualTo("Linen shirt");
        assertThat(body.getInt("data.checkoutComplete.order.lines[0].quantity")).isEqualTo(2);
        assertThat(body.getString("data.checkoutComplete.payment.provider")).isEqualTo("MANUAL");
        assertThat(body.getString("data.checkoutComplete.payment.status")).isEqualTo("PENDING");
        assertThat(body.getString("data.checkoutComplete.payment.instructions")).contains("#1001");
        String orderId = body.getString("data.checkoutComplete.order.id");
        String token = body.getString("data.checkoutComplete.orderToken");
        assertThat(token).startsWith("sgot_");

        // Reserved, not gone: available 3 of 5 on hand.
        assertThat(stock(store, variant)).containsExactly(5, 2);
        // The cart became the order: it no longer answers.
        assertThat(store.storefront().execute("query($id: ID!) { cart(id: $id) { id } }", Map.of("id", cartId)).getString("data.cart")).isNull();
        // The guest reads the order with its token.
        assertThat(store.storefront().execute(BY_TOKEN, Map.of("t", token)).getString("data.orderByToken.id")).isEqualTo(orderId);

        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        JsonPath order = store.owner().execute(ORDER, Map.of("id", orderId));
        assertThat(order.getString("data.order.status")).isEqualTo("PAID");
        assertThat(order.getString("data.order.totalPaid.amount")).isEqualTo("99.80");
        assertThat(order.getString("data.order.payments[0].status")).isEqualTo("SUCCEEDED");
        assertThat(order.getList("data.order.timeline.kind", String.class)).contains("PLACED", "MARKED_AS_PAID", "PAYMENT");
        assertThat(stock(store, variant)).containsExactly(3, 0);
        // Marking it paid again changes nothing.
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertThat(count(store, "select count(*) from orders.order_event where order_id = ?1 and kind = 'PAYMENT'", uuid(orderId))).isEqualTo(1);

        String lineId = order.getString("data.order.lines[0].id");
        JsonPath partial = ok(store.owner().execute(FULFIL, Map.of("id", orderId, "i", Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1)),
                "trackingNumber", "TRK-1"))), "fulfillmentCreate");
        assertThat(partial.getString("data.fulfillmentCreate.order.status")).isEqualTo("PARTIALLY_FULFILLED");
        assertThat(partial.getString("data.fulfillmentCreate.fulfillment.trackingNumber")).isEqualTo("TRK-1");
        JsonPath tooMany = store.owner().execute(FULFIL, Map.of("id", orderId, "i", Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 2)))));
        assertThat(tooMany.getString("data.fulfillmentCreate.userErrors[0].code")).isEqualTo("INVALID_QUANTITY");
        JsonPath rest = ok(store.owner().execute(FULFIL, Map.of("id", orderId)), "fulfillmentCreate");
        assertThat(rest.getString("data.fulfillmentCreate.order.status")).isEqualTo("FULFILLED");

        JsonPath refund = ok(store.owner().execute(REFUND, Map.of("id", orderId, "i", Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1)),
                "restock", true))), "refundCreate");
        assertThat(refund.getString("data.refundCreate.refund.amount.amount")).isEqualTo("49.90");
        assertThat(refund.getString("data.refundCreate.order.status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(stock(store, variant)).containsExactly(4, 0);
        JsonPath over = store.owner().execute(REFUND, Map.of("id", orderId, "i", Map.of("amount", "49.91")));
        assertThat(over.getString("data.refundCreate.userErrors[0].code")).isEqualTo("INVALID_AMOUNT");
        JsonPath restRefund = ok(store.owner().execute(REFUND, Map.of("id", orderId, "i", Map.of("amount", "49.90"))), "refundCreate");
        assertThat(restRefund.getString("data.refundCreate.order.status")).isEqualTo("REFUNDED");
        assertLedgerHolds(store);
    }

    @Test
    void aCartThatCannotBecomeAnOrderGetsTypedErrorsAndHoldsNoStock() {
        TestStore store = TestStores.create("checkout-refused");
        String variant = variant(store, "Mug", "12.00", 3);

        JsonPath noEmail = complete(store.storefront(), cart(store.storefront(), variant, 1, null), "k1");
        assertThat(noEmail.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("EMAIL_REQUIRED");

        String tooMuch = cart(store.storefront(), variant, 4, "a@example.com");
        JsonPath shortStock = complete(store.storefront(), tooMuch, "k2");
        assertThat(shortStock.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("INSUFFICIENT_STOCK");
        String lineId = store.storefront().execute("query($id: ID!) { cart(id: $id) { lines(first: 5) { nodes { id } } } }", Map.of("id", tooMuch))
                .getString("data.cart.lines.nodes[0].id");
        assertThat(shortStock.getList("data.checkoutComplete.userErrors[0].lineIds", String.class)).containsExactly(lineId);

        String priced = cart(store.storefront(), variant, 1, "a@example.com");
        String product = store.owner().execute("query($id: ID!) { node(id: $id) { ... on ProductVariant { product { id } } } }", Map.of("id", variant))
                .getString("data.node.product.id");
        ok(store.owner().execute("mutation($p: ID!, $v: ID!) { productVariantsBulkUpdate(productId: $p, variants: [{id: $v, price: \"13.00\"}]) { "
                + "userErrors { code message } } }", Map.of("p", product, "v", variant)), "productVariantsBulkUpdate");
        JsonPath changed = complete(store.storefront(), priced, "k3");
        assertThat(changed.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("PRICE_CHANGED");
        assertThat(changed.getList("data.checkoutComplete.userErrors[0].lineIds")).hasSize(1);

        JsonPath unknown = complete(store.storefront(), "gid://shopgraph/Cart/" + UUID.randomUUID(), "k4");
        assertThat(unknown.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("CART_NOT_FOUND");
        JsonPath badKey = complete(store.storefront(), priced, "");
        assertThat(badKey.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("INVALID_IDEMPOTENCY_KEY");

        assertThat(count(store, "select count(*) from orders.sales_order")).isZero();
        assertThat(count(store, "select count(*) from checkout.completion")).isZero();
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertLedgerHolds(store);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheOrderAndAnotherCartWithItIsAMismatch() {
        TestStore store = TestStores.create("checkout-idem");
        String variant = variant(store, "Poster", "20.00", 10);
        String cartId = cart(store.storefront(), variant, 1, "b@example.com");
        String key = UUID.randomUUID().toString();
        JsonPath first = complete(store.storefront(), cartId, key);
        JsonPath again = complete(store.storefront(), cartId, key);
        assertThat(again.getList("data.checkoutComplete.userErrors")).as(again.prettify()).isEmpty();
        assertThat(again.getString("data.checkoutComplete.order.id")).isEqualTo(first.getString("data.checkoutComplete.order.id"));
        assertThat(again.getString("data.checkoutComplete.orderToken")).isEqualTo(first.getString("data.checkoutComplete.orderToken"));
        assertThat(count(store, "select count(*) from orders.sales_order")).isEqualTo(1);
        assertThat(count(store, "select count(*) from payments.payment")).isEqualTo(1);
        assertThat(stock(store, variant)).containsExactly(10, 1);

        String other = cart(store.storefront(), variant, 1, "b@example.com");
        JsonPath mismatch = complete(store.storefront(), other, key);
        assertThat(mismatch.getString("data.checkoutComplete.userErrors[0].code")).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
        assertThat(mismatch.getString("data.checkoutComplete.order")).isNull();
        assertThat(count(store, "select count(*) from orders.sales_order")).isEqualTo(1);
    }

    @Test
    void fiftyParallelCheckoutsForTenUnitsPlaceExactlyTenOrders() throws Exception {
        TestStore store = TestStores.create("checkout-race");
        String variant = variant(store, "Limited print", "30.00", 10);
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            carts.add(cart(store.storefront(), variant, 1, "race" + i + "@example.com"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonPath>> results = new ArrayList<>();
            for (String cartId : carts) {
                Callable<JsonPath> call = () -> {
                    start.await();
                    return store.storefront().execute(CheckoutFixtures.COMPLETE, Map.of("c", cartId, "k", UUID.randomUUID().toString()));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int placed = 0;
            int insufficient = 0;
            for (Future<JsonPath> result : results) {
                JsonPath body = result.get();
                assertThat(body.getList("errors")).as(body.prettify()).isNull();
                List<String> codes = body.getList("data.checkoutComplete.userErrors.code", String.class);
                if (codes.isEmpty()) {
                    placed++;
                } else {
                    assertThat(codes).containsExactly("INSUFFICIENT_STOCK");
                    insufficient++;
                }
            }
            assertThat(placed).isEqualTo(10);
            assertThat(insufficient).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(store, "select count(*) from orders.sales_order")).isEqualTo(10);
        assertThat(count(store, "select count(distinct number) from orders.sales_order")).isEqualTo(10);
        assertThat(stock(store, variant)).containsExactly(10, 10);
        assertThat(store.storefront().execute("query($id: ID!) { node(id: $id) { ... on ProductVariant { availableForSale quantityAvailable } } }",
                Map.of("id", variant)).getBoolean("data.node.availableForSale")).isFalse();
        assertLedgerHolds(store);
    }

    @Test
    void twentyConcurrentFullRefundsRefundOnce() throws Exception {
        TestStore store = TestStores.create("checkout-refunds");
        String variant = variant(store, "Lamp", "80.00", 4);
        String orderId = placed(store, variant, 1).getString("data.checkoutComplete.order.id");
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.owner().execute(REFUND, Map.of("id", orderId, "i", Map.of("amount", "80.00", "reason", "broken")));
                }));
            }
            start.countDown();
            int refunded = 0;
            for (Future<JsonPath> result : results) {
                JsonPath body = result.get();
                assertThat(body.getList("errors")).as(body.prettify()).isNull();
                List<String> codes = body.getList("data.refundCreate.userErrors.code", String.class);
                if (codes.isEmpty()) {
                    refunded++;
                } else {
                    assertThat(codes).containsExactly("INVALID_AMOUNT");
                }
            }
            assertThat(refunded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(store, "select count(*) from orders.refund")).isEqualTo(1);
        assertThat(count(store, "select count(*) from payments.refund")).isEqualTo(1);
        JsonPath order = store.owner().execute(ORDER, Map.of("id", orderId));
        assertThat(order.getString("data.order.status")).isEqualTo("REFUNDED");
        assertThat(order.getString("data.order.totalRefunded.amount")).isEqualTo("80.00");
    }

    @Test
    void cancellingAnUnpaidOrderReleasesItsStock() {
        TestStore store = TestStores.create("checkout-cancel");
        String variant = variant(store, "Vase", "25.00", 2);
        String orderId = placed(store, variant, 2).getString("data.checkoutComplete.order.id");
        assertThat(stock(store, variant)).containsExactly(2, 2);
        JsonPath cancelled = ok(store.owner().execute(CANCEL, Map.of("id", orderId)), "orderCancel");
        assertThat(cancelled.getString("data.orderCancel.order.status")).isEqualTo("CANCELLED");
        assertThat(stock(store, variant)).containsExactly(2, 0);
        JsonPath twice = store.owner().execute(CANCEL, Map.of("id", orderId));
        assertThat(twice.getString("data.orderCancel.userErrors[0].code")).isEqualTo("INVALID_STATE");
        assertThat(stock(store, variant)).containsExactly(2, 0);
        JsonPath paidLater = store.owner().execute(MARK_PAID, Map.of("id", orderId));
        assertThat(paidLater.getString("data.orderMarkAsPaid.userErrors[0].code")).isEqualTo("INVALID_STATE");
        assertLedgerHolds(store);
    }

    @Test
    void readingOrdersTakesTheSameStatementsForTwoOrSixOrders() {
        TestStore small = TestStores.create("orders-stmts-small");
        TestStore large = TestStores.create("orders-stmts-large");
        for (TestStore store : List.of(small, large)) {
            String variant = variant(store, "Book", "9.00", 100);
            for (int i = 0; i < (store == small ? 2 : 6); i++) {
                String orderId = placed(store, variant, 1).getString("data.checkoutComplete.order.id");
                ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
                ok(store.owner().execute(FULFIL, Map.of("id", orderId)), "fulfillmentCreate");
            }
        }
        String page = "{ orders(first: 10) { nodes { id name status cost { totalAmount { amount } } lines { title quantity } "
                + "payments { status } fulfillments { id lines { quantity } } refunds { id } note timeline { kind } } } }";
        long smallCount = statements(() -> small.owner().execute(page));
        long largeCount = statements(() -> large.owner().execute(page));
        assertThat(large.owner().execute(page).getList("data.orders.nodes")).hasSize(6);
        assertThat(largeCount).as("statements for 6 orders vs %d for 2", smallCount).isEqualTo(smallCount);
        assertThat(smallCount).isLessThanOrEqualTo(12);
    }

    private static long statements(java.util.function.Supplier<JsonPath> call) {
        long before = io.shopgraph.platform.persistence.SqlStatementCounter.total();
        JsonPath body = call.get();
        long count = io.shopgraph.platform.persistence.SqlStatementCounter.total() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return count;
    }

    @Test
    void anUntrackedItemSellsWithoutLockingOrMovingItsStockLevel() throws Exception {
        TestStore store = TestStores.create("checkout-untracked");
        String variant = variant(store, "E-book", "9.00", null);
        int[] before = stock(store, variant);

        // Someone holds the level's row: a checkout that locked it would wait until its deadline and fail.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> holder = java.util.concurrent.CompletableFuture.runAsync(() -> CheckoutFixtures.inStore(store, em -> {
            em.createNativeQuery("select 1 from inventory.stock_level where variant_id = ?1 for update").setParameter(1, uuid(variant)).getResultList();
            held.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        JsonPath first;
        try {
            first = placed(store, variant, 2);
        } finally {
            release.countDown();
            holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        placed(store, variant, 1);
        assertThat(stock(store, variant)).containsExactly(before);

        // Paid, then refunded with restock: an untracked level has no quantity to commit or restock.
        String orderId = first.getString("data.checkoutComplete.order.id");
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        String lineId = store.owner().execute(ORDER, Map.of("id", orderId)).getString("data.order.lines[0].id");
        ok(store.owner().execute(REFUND, Map.of("id", orderId, "i", Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 2)), "restock", true))),
                "refundCreate");
        assertThat(stock(store, variant)).containsExactly(before);
        assertThat(count(store, "select count(*) from inventory.stock_movement where variant_id = ?1", uuid(variant))).isZero();
        assertLedgerHolds(store);
    }
}
