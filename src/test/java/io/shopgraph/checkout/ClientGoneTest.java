package io.shopgraph.checkout;

import static io.shopgraph.checkout.CheckoutFixtures.cart;
import static io.shopgraph.checkout.CheckoutFixtures.count;
import static io.shopgraph.checkout.CheckoutFixtures.inStore;
import static io.shopgraph.checkout.CheckoutFixtures.uuid;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * A shopper whose connection drops while checkoutComplete runs (a closed tab, a mobile network switching, a load
 * balancer's timeout) still gets the whole checkout: the order and its payment. Quarkus ends a request's CDI context
 * when its connection closes, while the worker thread still runs the operation; the store binding is request-scoped,
 * so the rest of the operation used to fail (the order was placed, its payment never started).
 */
@QuarkusTest
class ClientGoneTest {

    @Test
    void aCheckoutWhoseClientHungUpMidwayStillPlacesTheOrderAndStartsItsPayment() throws Exception {
        TestStore store = TestStores.create("client-gone");
        String variant = variant(store, "Candle", "18.00", 5);
        String cartId = cart(store.storefront(), variant, 1, "gone@example.com");

        // Hold the variant's stock row, so the checkout's reservation waits inside its transaction.
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> inStore(store, em -> {
            em.createNativeQuery("select 1 from inventory.stock_level where variant_id = ?1 for update").setParameter(1, uuid(variant))
                    .getResultList();
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        String body = "{\"query\":\"mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: \\\"gone-1\\\") { order { id } userErrors { code } } }\","
                + "\"variables\":{\"c\":\"" + cartId + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Storefront-Token: "
                    + store.storefrontToken() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            waitUntil(() -> count(store, "select count(*) from pg_locks where not granted") > 0, "the checkout waits for the stock row");
        } // the client hangs up while the checkout waits
        Thread.sleep(500); // let the server see the close before the checkout goes on
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        waitUntil(() -> count(store, "select count(*) from payments.payment") == 1, "the order's payment started");
        assertThat(count(store, "select count(*) from orders.sales_order")).isEqualTo(1);
        assertThat(count(store, "select count(*) from checkout.completion where order_token is not null")).isEqualTo(1);
    }


    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for: " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
