package io.shopgraph.checkout;

import static io.shopgraph.checkout.CheckoutFixtures.COMPLETE;
import static io.shopgraph.checkout.CheckoutFixtures.assertLedgerHolds;
import static io.shopgraph.checkout.CheckoutFixtures.stock;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * checkoutComplete's statement budget: reserving the stock and writing the order lines take one statement each
 * whatever the number of lines, so a checkout of four lines runs as many statements as one of one line.
 */
@QuarkusTest
class CheckoutStatementsTest {

    /**
     * The statements of checkoutComplete (manual provider) with the order fields of CheckoutFixtures.COMPLETE, as
     * measured for one line. Before the reservation and the order lines became one statement each, four lines took
     * six more (one reservation and one line insert per extra line). 26 before the manual provider's steps after the
     * order (settings, payment, answer) shared one transaction and a new order's pending payment stopped locking it.
     */
    static final long ONE_LINE_BUDGET = 23;

    @Test
    void aCheckoutTakesTheSameStatementsForOneOrFourLines() {
        TestStore store = TestStores.create("checkout-statements");
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            variants.add(variant(store, "Item " + i, "5.00", 10));
        }
        checkout(store, variants.subList(0, 1)); // warms caches of the store (settings, tax, shipping zones)
        long one = checkout(store, variants.subList(0, 1));
        long four = checkout(store, variants);
        System.out.printf("checkoutComplete statements: one line %d, four lines %d%n", one, four);
        assertThat(four).as("statements for four lines vs one").isEqualTo(one);
        assertThat(one).isLessThanOrEqualTo(ONE_LINE_BUDGET);
        assertThat(stock(store, variants.get(0))).containsExactly(10, 3);
        assertThat(stock(store, variants.get(3))).containsExactly(10, 1);
        assertLedgerHolds(store);
    }

    @Test
    void aShortLineReservesNothingOfTheOthers() {
        TestStore store = TestStores.create("checkout-all-or-nothing");
        String plenty = variant(store, "Plenty", "5.00", 10);
        String scarce = variant(store, "Scarce", "5.00", 1);
        String cart = CheckoutFixtures.cart(store.storefront(), plenty, 2, "buyer@example.com");
        JsonPath added = store.storefront().execute("mutation($c: ID!, $v: ID!) { cartLinesAdd(cartId: $c, lines: [{merchandiseId: $v, "
                + "quantity: 2}]) { cart { id } userErrors { code } } }", Map.of("c", cart, "v", scarce));
        assertThat(added.getList("errors")).as(added.prettify()).isNull();
        JsonPath body = CheckoutFixtures.complete(store.storefront(), cart, UUID.randomUUID().toString());
        assertThat(body.getList("data.checkoutComplete.userErrors.code", String.class)).containsExactly("INSUFFICIENT_STOCK");
        assertThat(body.getList("data.checkoutComplete.userErrors[0].lineIds")).hasSize(1);
        assertThat(stock(store, plenty)).containsExactly(10, 0);
        assertThat(stock(store, scarce)).containsExactly(1, 0);
        assertLedgerHolds(store);
    }

    private static long checkout(TestStore store, List<String> variants) {
        String cart = CheckoutFixtures.cart(store.storefront(), variants.get(0), 1, "buyer@example.com");
        for (String v : variants.subList(1, variants.size())) {
            JsonPath added = store.storefront().execute("mutation($c: ID!, $v: ID!) { cartLinesAdd(cartId: $c, lines: [{merchandiseId: $v, "
                    + "quantity: 1}]) { cart { id } userErrors { code } } }", Map.of("c", cart, "v", v));
            assertThat(added.getList("data.cartLinesAdd.userErrors")).as(added.prettify()).isEmpty();
        }
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().execute(COMPLETE, Map.of("c", cart, "k", UUID.randomUUID().toString()));
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.checkoutComplete.userErrors")).as(body.prettify()).isEmpty();
        return used;
    }
}
