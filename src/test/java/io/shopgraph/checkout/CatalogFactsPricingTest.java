package io.shopgraph.checkout;

import static io.shopgraph.checkout.CheckoutFixtures.ok;
import static io.shopgraph.checkout.CheckoutFixtures.variant;
import static io.shopgraph.checkout.DiscountCodesTest.created;
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
 * What pricing reads of the catalog, set through the merchant's variant and collection mutations: the taxable flag
 * (a non-taxable line pays no tax), collection membership (a collection-targeted code applies to its products only)
 * and weight (weight-range shipping rates).
 */
@QuarkusTest
class CatalogFactsPricingTest {

    static final String UPDATE = "mutation($p: ID!, $v: [ProductVariantUpdateInput!]!) { productVariantsBulkUpdate(productId: $p, "
            + "variants: $v) { userErrors { field code message } } }";
    static final String CODES = "mutation($c: ID!, $d: [String!]!) { cartDiscountCodesUpdate(cartId: $c, discountCodes: $d) { "
            + "userErrors { field code } } }";
    static final String COST = "query($id: ID!) { cart(id: $id) { cost { subtotalAmount { amount } discountAmount { amount } "
            + "taxAmount { amount } totalAmount { amount } taxLines { title amount { amount } } } lines(first: 10) { nodes { "
            + "merchandise { id } cost { totalAmount { amount } discountAllocations { code discountedAmount { amount } } } } } } }";

    @Test
    void aNonTaxableVariantPaysNoTaxAndACollectionCodeAppliesToTheCollectionsProductsOnly() {
        TestStore store = TestStores.create("facts-tax");
        String mug = variant(store, "Facts mug", "11.00", null);
        String card = variant(store, "Gift card", "11.00", null);
        ok(store.owner().execute(UPDATE, Map.of("p", product(store, card), "v", List.of(Map.of("id", card, "taxable", false)))),
                "productVariantsBulkUpdate");
        ok(store.owner().execute("mutation { taxRateCreate(input: {countryCode: \"*\", title: \"VAT\", rate: \"0.1\"}) { userErrors { code } } }"),
                "taxRateCreate");
        JsonPath collection = ok(store.owner().execute("mutation { collectionCreate(input: {title: \"Mugs\"}) { collection { id } "
                + "userErrors { code } } }"), "collectionCreate");
        String mugs = collection.getString("data.collectionCreate.collection.id");
        ok(store.owner().execute("mutation($c: ID!, $p: [String!]!) { collectionAddProducts(id: $c, productIds: $p) { userErrors { code } } }",
                Map.of("c", mugs, "p", List.of(product(store, mug)))), "collectionAddProducts");
        created(store, Map.of("code", "MUGS50", "title", "Half off mugs", "kind", "PERCENTAGE", "percentage", "50",
                "collectionIds", List.of(mugs)));

        GraphQL shop = store.storefront();
        String onlyCard = shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { cart { id } } }",
                Map.of("v", card)).getString("data.cartCreate.cart.id");
        assertThat(shop.execute(CODES, Map.of("c", onlyCard, "d", List.of("mugs50"))).getString("data.cartDiscountCodesUpdate.userErrors[0].code"))
                .as("nothing of the collection in the cart").isEqualTo("NOT_APPLICABLE");
        JsonPath cardOnly = shop.post(COST, Map.of("id", onlyCard)).jsonPath();
        assertThat(cardOnly.getString("data.cart.cost.taxAmount.amount")).as("a gift card is not taxed").isEqualTo("0.00");
        assertThat(cardOnly.getList("data.cart.cost.taxLines.amount.amount")).as("the destination's rate, nothing taxed at it")
                .containsOnly("0.00");

        String both = shop.execute("mutation($a: ID!, $b: ID!) { cartCreate(input: {lines: [{merchandiseId: $a, quantity: 1}, "
                + "{merchandiseId: $b, quantity: 1}]}) { cart { id } } }", Map.of("a", mug, "b", card)).getString("data.cartCreate.cart.id");
        // Prices include tax (the store's setting): the mug's 11.00 holds 11.00 x 0.1 / 1.1 = 1.00; the card none.
        JsonPath plain = shop.post(COST, Map.of("id", both)).jsonPath();
        assertThat(plain.getString("data.cart.cost.subtotalAmount.amount")).isEqualTo("22.00");
        assertThat(plain.getString("data.cart.cost.taxAmount.amount")).isEqualTo("1.00");
        assertThat(plain.getString("data.cart.cost.taxLines[0].amount.amount")).isEqualTo("1.00");

        // Half off the mug only: 5.50 off; the mug's tax falls to 5.50 x 0.1 / 1.1 = 0.50.
        assertThat(shop.execute(CODES, Map.of("c", both, "d", List.of("mugs50"))).getList("data.cartDiscountCodesUpdate.userErrors")).isEmpty();
        JsonPath discounted = shop.post(COST, Map.of("id", both)).jsonPath();
        assertThat(discounted.getString("data.cart.cost.discountAmount.amount")).isEqualTo("5.50");
        assertThat(discounted.getString("data.cart.cost.totalAmount.amount")).isEqualTo("16.50");
        assertThat(discounted.getString("data.cart.cost.taxAmount.amount")).isEqualTo("0.50");
        assertThat(discounted.getString("data.cart.lines.nodes.find { it.merchandise.id == '" + mug + "' }.cost.totalAmount.amount"))
                .isEqualTo("5.50");
        assertThat(discounted.getList("data.cart.lines.nodes.find { it.merchandise.id == '" + card + "' }.cost.discountAllocations"))
                .isEmpty();

        // The card becomes taxable again: the cart follows the catalog.
        ok(store.owner().execute(UPDATE, Map.of("p", product(store, card), "v", List.of(Map.of("id", card, "taxable", true)))),
                "productVariantsBulkUpdate");
        assertThat(shop.post(COST, Map.of("id", both)).jsonPath().getString("data.cart.cost.taxAmount.amount")).isEqualTo("1.50");
    }

    @Test
    void weightRangeRatesFollowTheCartsShippableWeight() {
        TestStore store = TestStores.create("facts-weight");
        String parcel = variant(store, "Parcel", "10.00", null, true);
        ok(store.owner().execute(UPDATE, Map.of("p", product(store, parcel), "v", List.of(Map.of("id", parcel, "weightGrams", 400)))),
                "productVariantsBulkUpdate");
        String zone = "mutation($i: ShippingZoneInput!) { shippingZoneCreate(input: $i) { userErrors { field code message } } }";
        ok(store.owner().execute(zone, Map.of("i", Map.of("name", "Germany", "countries", List.of("DE"), "rates", List.of(
                Map.of("title", "Light", "kind", "WEIGHT", "price", "4.00", "maxWeightGrams", 1000),
                Map.of("title", "Heavy", "kind", "WEIGHT", "price", "9.00", "minWeightGrams", 1000),
                Map.of("title", "Express", "kind", "FLAT", "price", "15.00"))))), "shippingZoneCreate");
        JsonPath bad = store.owner().execute(zone, Map.of("i", Map.of("name", "Bad", "countries", List.of("AT"), "rates", List.of(
                Map.of("title", "Backwards", "kind", "WEIGHT", "price", "4.00", "minWeightGrams", 1000, "maxWeightGrams", 500)))));
        assertThat(bad.getString("data.shippingZoneCreate.userErrors[0].code")).isEqualTo("INVALID_INPUT");

        GraphQL shop = store.storefront();
        String cart = shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 2}]}) { cart { id "
                + "lines(first: 1) { nodes { id } } } } }", Map.of("v", parcel)).getString("data.cartCreate.cart.id");
        JsonPath addressed = ok(shop.execute("mutation($c: ID!) { cartShippingAddressUpdate(cartId: $c, address: {city: \"Berlin\", "
                + "countryCode: \"DE\"}) { cart { deliveryOptions { title estimatedCost { amount } } } userErrors { code } } }",
                Map.of("c", cart)), "cartShippingAddressUpdate");
        assertThat(addressed.getList("data.cartShippingAddressUpdate.cart.deliveryOptions.title")).as("800 g").containsExactly("Light", "Express");

        String line = shop.post("query($id: ID!) { cart(id: $id) { lines(first: 1) { nodes { id } } } }", Map.of("id", cart)).jsonPath()
                .getString("data.cart.lines.nodes[0].id");
        shop.execute("mutation($c: ID!, $l: ID!) { cartLinesUpdate(cartId: $c, lines: [{id: $l, quantity: 3}]) { userErrors { code } } }",
                Map.of("c", cart, "l", line));
        JsonPath heavy = shop.post("query($id: ID!) { cart(id: $id) { deliveryOptions { title estimatedCost { amount } } } }",
                Map.of("id", cart)).jsonPath();
        assertThat(heavy.getList("data.cart.deliveryOptions.title")).as("1,200 g").containsExactly("Heavy", "Express");
        assertThat(heavy.getString("data.cart.deliveryOptions[0].estimatedCost.amount")).isEqualTo("9.00");
    }

    private static String product(TestStore store, String variantId) {
        return store.owner().execute("query($id: ID!) { node(id: $id) { ... on ProductVariant { product { id } } } }", Map.of("id", variantId))
                .getString("data.node.product.id");
    }
}
