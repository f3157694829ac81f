package io.shopgraph.checkout;

import static io.shopgraph.checkout.CheckoutFixtures.CANCEL;
import static io.shopgraph.checkout.CheckoutFixtures.cart;
import static io.shopgraph.checkout.CheckoutFixtures.complete;
import static io.shopgraph.checkout.CheckoutFixtures.ok;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Checkout with what pricing adds to a cart: a line to ship needs an address and a delivery option (and the order
 * carries both, priced by the same function as the cart), and a code's usage limit is counted when the order is
 * placed and given back when it is cancelled.
 */
@QuarkusTest
class CheckoutDeliveryAndDiscountTest {

    private static final String ADDRESS = "mutation($c: ID!, $a: CartAddressInput) { cartShippingAddressUpdate(cartId: $c, address: $a) { "
            + "cart { id deliveryOptions { handle title } } userErrors { field code } } }";
    private static final String SELECT = "mutation($c: ID!, $h: String!) { cartSelectedDeliveryOptionUpdate(cartId: $c, deliveryOptionHandle: $h) { "
            + "cart { id cost { totalAmount { amount } } } userErrors { field code } } }";
    private static final String CODES = "mutation($c: ID!, $d: [String!]!) { cartDiscountCodesUpdate(cartId: $c, discountCodes: $d) { "
            + "userErrors { code } } }";

    @Test
    void aCartToShipNeedsAnAddressAndADeliveryOptionAndTheOrderIsPricedLikeTheCart() throws Exception {
        TestStore store = TestStores.create("checkout-ship");
        String variant = variant(store, "Boxed lamp", "40.00", 5, true);
        ok(store.owner().execute("mutation($i: ShippingZoneInput!) { shippingZoneCreate(input: $i) { userErrors { field code } } }",
                Map.of("i", Map.of("name", "Germany", "countries", List.of("DE"),
                        "rates", List.of(Map.of("title", "Standard", "kind", "FLAT", "price", "5.00"))))), "shippingZoneCreate");
        GraphQL shop = store.storefront();
        String cart = cart(shop, variant, 1, "lamp@example.com");

        assertThat(complete(shop, cart, UUID.randomUUID().toString()).getString("data.checkoutComplete.userErrors[0].code"))
                .isEqualTo("SHIPPING_ADDRESS_REQUIRED");
        JsonPath addressed = ok(shop.execute(ADDRESS, Map.of("c", cart, "a", Map.of("name", "Ada", "address1", "Hauptstr. 1",
                "city", "Berlin", "zip", "10115", "countryCode", "DE"))), "cartShippingAddressUpdate");
        assertThat(complete(shop, cart, UUID.randomUUID().toString()).getString("data.checkoutComplete.userErrors[0].code"))
                .isEqualTo("DELIVERY_OPTION_REQUIRED");
        String handle = addressed.getString("data.cartShippingAddressUpdate.cart.deliveryOptions.find { it.title == 'Standard' }.handle");
        JsonPath selected = ok(shop.execute(SELECT, Map.of("c", cart, "h", handle)), "cartSelectedDeliveryOptionUpdate");
        String cartTotal = selected.getString("data.cartSelectedDeliveryOptionUpdate.cart.cost.totalAmount.amount");

        JsonPath placed = complete(shop, cart, UUID.randomUUID().toString());
        assertThat(placed.getList("data.checkoutComplete.userErrors")).as(placed.prettify()).isEmpty();
        assertThat(placed.getString("data.checkoutComplete.order.cost.shippingAmount.amount")).isEqualTo("5.00");
        assertThat(placed.getString("data.checkoutComplete.order.cost.totalAmount.amount")).as("the total shown is the total charged")
                .isEqualTo(cartTotal);

        // The checkout's steps reach the merchant's funnel through the outbox: started once, each step reached once.
        OutboxDrain.await("analytics.facts", List.of(store));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonPath report = store.owner().execute("query($d: Date!) { storeAnalytics(from: $d, to: $d, timezone: \"UTC\") { "
                + "totals { checkoutsStarted orders } checkoutFunnel { stepIndex step reached } } }", Map.of("d", today));
        assertThat(report.getList("errors")).as(report.prettify()).isNull();
        assertThat(report.getInt("data.storeAnalytics.totals.checkoutsStarted")).isEqualTo(1);
        assertThat(report.getInt("data.storeAnalytics.totals.orders")).isEqualTo(1);
        assertThat(report.getList("data.storeAnalytics.checkoutFunnel.step")).containsExactly("SHIPPING_ADDRESS", "DELIVERY_OPTION", "ORDER_PLACED");
        assertThat(report.getList("data.storeAnalytics.checkoutFunnel.reached", Integer.class)).containsExactly(1, 1, 1);
    }

    @Test
    void aCodesUsageLimitIsCountedAtPlacementAndGivenBackWhenTheOrderIsCancelled() {
        TestStore store = TestStores.create("checkout-code");
        String variant = variant(store, "Print", "30.00", 10);
        ok(store.owner().execute("mutation($i: DiscountInput!) { discountCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("code", "ONCE", "title", "Once", "kind", "PERCENTAGE", "percentage", "10", "usageLimit", 1))),
                "discountCreate");
        GraphQL shop = store.storefront();
        String first = cart(shop, variant, 1, "a@example.com");
        String second = cart(shop, variant, 1, "b@example.com");
        ok(shop.execute(CODES, Map.of("c", first, "d", List.of("once"))), "cartDiscountCodesUpdate");
        ok(shop.execute(CODES, Map.of("c", second, "d", List.of("ONCE"))), "cartDiscountCodesUpdate");

        JsonPath placed = complete(shop, first, UUID.randomUUID().toString());
        assertThat(placed.getList("data.checkoutComplete.userErrors")).as(placed.prettify()).isEmpty();
        assertThat(placed.getString("data.checkoutComplete.order.cost.discountAmount.amount")).isEqualTo("3.00");
        JsonPath refused = complete(shop, second, UUID.randomUUID().toString());
        assertThat(refused.getString("data.checkoutComplete.userErrors[0].code")).as(refused.prettify()).isEqualTo("DISCOUNT_NOT_AVAILABLE");
        assertThat(refused.getString("data.checkoutComplete.order")).isNull();

        ok(store.owner().execute(CANCEL, Map.of("id", placed.getString("data.checkoutComplete.order.id"))), "orderCancel");
        JsonPath again = complete(shop, second, UUID.randomUUID().toString());
        assertThat(again.getList("data.checkoutComplete.userErrors")).as("the cancelled order gave its use back: " + again.prettify()).isEmpty();
    }
}
