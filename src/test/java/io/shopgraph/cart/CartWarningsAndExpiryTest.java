package io.shopgraph.cart;

import static io.shopgraph.cart.CartFixtures.ADD;
import static io.shopgraph.cart.CartFixtures.NOTE;
import static io.shopgraph.cart.CartFixtures.READ;
import static io.shopgraph.cart.CartFixtures.cart;
import static io.shopgraph.cart.CartFixtures.count;
import static io.shopgraph.cart.CartFixtures.execute;
import static io.shopgraph.cart.CartFixtures.line;
import static io.shopgraph.cart.CartFixtures.uuid;
import static io.shopgraph.cart.CartFixtures.variant;
import static io.shopgraph.cart.CartMutationsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.cart.application.CartJobs;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Warnings when stock, prices or products change under a cart; expiry and the retention job. */
@QuarkusTest
class CartWarningsAndExpiryTest {

    @Test
    void warningsTellWhatChangedUnderTheCartWithoutRefusingAnything() {
        TestStore store = TestStores.create("cart-warn");
        String mug = variant(store, "Mug", "10.00", 5, true);
        List<String> capProduct = CartFixtures.product(store, "Cap", "7.00", null, true);
        List<String> hatProduct = CartFixtures.product(store, "Hat", "3.00", null, true);
        String cap = capProduct.get(1);
        String hat = hatProduct.get(1);
        String id = cart(store.storefront(), List.of(line(mug, 4), line(cap, 1), line(hat, 1)));
        JsonPath before = store.storefront().execute(READ, Map.of("id", id));
        assertThat(before.getList("data.cart.warnings")).isEmpty();
        List<String> lines = before.getList("data.cart.lines.nodes.id");

        JsonPath more = store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(mug, 2))));
        assertThat(more.getList("data.cartLinesAdd.userErrors")).as("stock is a warning, not an error").isEmpty();
        assertThat(more.getList("data.cartLinesAdd.cart.warnings.code")).containsExactly("NOT_ENOUGH_STOCK");
        assertThat(more.getList("data.cartLinesAdd.cart.warnings.target")).containsExactly(lines.get(0));

        JsonPath repriced = store.owner().execute("mutation($p: ID!, $v: ID!) { productVariantsBulkUpdate(productId: $p, variants: "
                + "[{id: $v, price: \"8.00\"}]) { userErrors { code } } }", Map.of("p", capProduct.get(0), "v", cap));
        assertThat(repriced.getList("data.productVariantsBulkUpdate.userErrors")).isEmpty();
        JsonPath archived = store.owner().execute("mutation($p: ID!) { productUpdate(id: $p, input: {status: ARCHIVED}) { userErrors { code } } }",
                Map.of("p", hatProduct.get(0)));
        assertThat(archived.getList("data.productUpdate.userErrors")).isEmpty();

        JsonPath after = store.storefront().header("Cache-Control", "no-cache").execute(READ, Map.of("id", id));
        assertThat(after.getList("data.cart.warnings.code")).containsExactly("NOT_ENOUGH_STOCK", "PRICE_CHANGED", "PRODUCT_UNAVAILABLE");
        assertThat(after.getList("data.cart.warnings.target")).containsExactly(lines.get(0), lines.get(1), lines.get(2));
        assertThat(after.getString("data.cart.cost.subtotalAmount.amount")).as("the cart keeps the prices it was filled at")
                .isEqualTo("70.00");
        assertThat(after.getString("data.cart.lines.nodes[2].merchandise")).isNull();
        assertError(store.storefront().execute(CartFixtures.UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(2), "quantity", 2)))),
                "cartLinesUpdate", "INVALID_MERCHANDISE_LINE", List.of("lines", "0", "id"));
        JsonPath touched = store.storefront().execute(CartFixtures.UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(1), "quantity", 1))));
        assertThat(touched.getList("data.cartLinesUpdate.cart.lines.nodes.cost.amountPerQuantity.amount")).as("a changed line takes the current price")
                .containsExactly("10.00", "8.00", "3.00");
        assertThat(touched.getList("data.cartLinesUpdate.cart.warnings.code")).containsExactly("NOT_ENOUGH_STOCK", "PRODUCT_UNAVAILABLE");
    }

    @Test
    void anIdleCartExpiresAnswersLikeAMissingOneAndTheJobMarksIt() {
        TestStore store = TestStores.create("cart-expiry");
        String mug = variant(store, "Mug", "10.00");
        String idle = cart(store.storefront(), List.of(line(mug, 1)));
        String fresh = cart(store.storefront(), List.of(line(mug, 1)));
        String missing = store.storefront().post(NOTE, Map.of("c", "gid://shopgraph/Cart/" + java.util.UUID.randomUUID(), "n", "x")).asString();
        assertThat(execute(store, "update cart.cart set updated_at = now() - interval '11 days', expires_at = now() - interval '1 day' "
                + "where id = ?1", uuid(idle))).isEqualTo(1);

        assertThat(store.storefront().execute(READ, Map.of("id", idle)).getMap("data.cart")).isNull();
        assertThat(store.storefront().post(NOTE, Map.of("c", idle, "n", "x")).asString()).isEqualTo(missing);
        CartJobs jobs = Arc.container().instance(CartJobs.class).get();
        CartJobs.Result first = jobs.runOnce();
        assertThat(first.cartsExpired()).isGreaterThanOrEqualTo(1);
        assertThat(count(store, "select count(*) from cart.cart where id = ?1 and status = 'EXPIRED'", uuid(idle))).isEqualTo(1);
        assertThat(count(store, "select count(*) from cart.cart_line where cart_id = ?1", uuid(idle))).as("kept for abandonment figures")
                .isEqualTo(1);
        assertThat(store.storefront().execute(READ, Map.of("id", fresh)).getInt("data.cart.totalQuantity")).isEqualTo(1);
        jobs.runOnce();
        assertThat(count(store, "select count(*) from cart.cart where status = 'EXPIRED'")).as("idempotent").isEqualTo(1);

        execute(store, "update cart.cart set updated_at = now() - interval '401 days' where id = ?1", uuid(idle));
        jobs.runOnce();
        assertThat(count(store, "select count(*) from cart.cart where id = ?1", uuid(idle))).as("deleted after retention").isZero();
        assertThat(count(store, "select count(*) from cart.cart_line where cart_id = ?1", uuid(idle))).isZero();
        assertThat(count(store, "select count(*) from cart.cart where id = ?1", uuid(fresh))).isEqualTo(1);
    }
}
