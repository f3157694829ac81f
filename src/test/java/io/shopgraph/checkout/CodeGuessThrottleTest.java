package io.shopgraph.checkout;

import static io.shopgraph.checkout.DiscountCodesTest.created;
import static io.shopgraph.checkout.DiscountCodesTest.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Guessing codes through cartDiscountCodesUpdate is throttled per shopper session (here: per cart, no session) and per
 * client (storefront token + address); only unknown codes count; a throttled change leaves the cart as it was.
 * The allowances are the defaults (10 per session, 30 per client); the test profile makes them come back over a day
 * instead of 10 minutes, so a slow machine does not refill a token or two during the test.
 */
@QuarkusTest
class CodeGuessThrottleTest {

    static final String CODES = "mutation($c: ID!, $d: [String!]!) { cartDiscountCodesUpdate(cartId: $c, discountCodes: $d) { cart { "
            + "discountCodes { code } } userErrors { field code message retryAfterSeconds } } }";
    static final String READ = "query($id: ID!) { cart(id: $id) { discountCodes { code applicable } cost { totalAmount { amount } } } }";

    @Test
    void unknownCodesAreThrottledPerCartAndPerClientAndOnlyUnknownCodesCount() {
        TestStore store = TestStores.create("code-throttle");
        String mug = product(store, "Throttle mug", "10.00").get(1);
        created(store, Map.of("code", "BIGSPEND", "title", "Big spend", "kind", "PERCENTAGE", "percentage", "10", "minimumSubtotal", "500.00"));
        created(store, Map.of("code", "REAL", "title", "Real", "kind", "PERCENTAGE", "percentage", "10"));
        GraphQL shop = store.storefront();

        // Codes that exist but do not apply (yet) never count: 15 tries, never throttled.
        String patient = cart(shop, mug);
        for (int i = 0; i < 15; i++) {
            assertThat(code(shop.execute(CODES, Map.of("c", patient, "d", List.of("bigspend"))))).isEqualTo("MINIMUM_NOT_MET");
        }

        // Ten unknown codes on one cart, then the cart is throttled, even for a real code, and stays as it was.
        String guesser = cart(shop, mug);
        for (int i = 0; i < 10; i++) {
            assertThat(code(shop.execute(CODES, Map.of("c", guesser, "d", List.of("GUESS" + i))))).isEqualTo("NOT_FOUND");
        }
        String before = shop.post(READ, Map.of("id", guesser)).asString();
        JsonPath throttled = shop.execute(CODES, Map.of("c", guesser, "d", List.of("REAL")));
        assertThat(code(throttled)).isEqualTo("THROTTLED");
        assertThat(throttled.getList("data.cartDiscountCodesUpdate.userErrors[0].field")).containsExactly("discountCodes");
        assertThat(throttled.getInt("data.cartDiscountCodesUpdate.userErrors[0].retryAfterSeconds")).isBetween(1, 86_400);
        assertThat(throttled.getString("data.cartDiscountCodesUpdate.cart")).isNull();
        assertThat(shop.post(READ, Map.of("id", guesser)).asString()).as("a throttled change writes nothing").isEqualTo(before);
        assertThat(code(shop.execute(CODES, Map.of("c", guesser, "d", List.of())))).as("removing codes is never throttled").isNull();

        // Another cart of the same client still has its own allowance, and a real code applies there.
        String fresh = cart(shop, mug);
        JsonPath applied = shop.execute(CODES, Map.of("c", fresh, "d", List.of("real")));
        assertThat(code(applied)).isNull();
        assertThat(applied.getString("data.cartDiscountCodesUpdate.cart.discountCodes[0].code")).isEqualTo("REAL");

        // The client's allowance (30 unknown codes over all its carts): 10 counted above, 20 more on two carts, then the
        // client is throttled on a cart that has guessed nothing.
        for (int c = 0; c < 2; c++) {
            String cart = cart(shop, mug);
            for (int i = 0; i < 10; i++) {
                assertThat(code(shop.execute(CODES, Map.of("c", cart, "d", List.of("C" + c + "GUESS" + i))))).isEqualTo("NOT_FOUND");
            }
        }
        assertThat(code(shop.execute(CODES, Map.of("c", cart(shop, mug), "d", List.of("ONEMORE"))))).isEqualTo("THROTTLED");

        // Another store's storefront token is another client.
        TestStore other = TestStores.create("code-throttle-other");
        String otherMug = product(other, "Other mug", "10.00").get(1);
        assertThat(code(other.storefront().execute(CODES, Map.of("c", cart(other.storefront(), otherMug), "d", List.of("NOPE")))))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void everyUnknownCodeOfOneChangeCounts() {
        TestStore store = TestStores.create("code-throttle-batch");
        String mug = product(store, "Batch mug", "10.00").get(1);
        GraphQL shop = store.storefront();
        String cart = cart(shop, mug);
        List<String> ten = List.of("A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9");
        assertThat(code(shop.execute(CODES, Map.of("c", cart, "d", ten)))).isEqualTo("NOT_FOUND");
        assertThat(code(shop.execute(CODES, Map.of("c", cart, "d", List.of("B0"))))).isEqualTo("THROTTLED");
    }

    private static String cart(GraphQL shop, String variant) {
        return shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { cart { id } } }",
                Map.of("v", variant)).getString("data.cartCreate.cart.id");
    }

    private static String code(JsonPath body) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body.getString("data.cartDiscountCodesUpdate.userErrors[0].code");
    }
}
