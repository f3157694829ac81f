package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** productVariantsBulkCreate/Update/Delete over HTTP: codes, all-or-nothing, price range, stock rows, scopes. */
@QuarkusTest
class ProductVariantsBulkTest {

    static final String BULK_CREATE = "mutation($p: ID!, $v: [ProductVariantInput!]!) { productVariantsBulkCreate(productId: $p, variants: $v) { "
            + "product { id priceRange { minVariantPrice { amount } maxVariantPrice { amount } } } "
            + "productVariants { id sku title price { amount } quantityAvailable availableForSale } userErrors { field code message } } }";
    static final String BULK_UPDATE = "mutation($p: ID!, $v: [ProductVariantUpdateInput!]!) { productVariantsBulkUpdate(productId: $p, variants: $v) { "
            + "product { id priceRange { minVariantPrice { amount } maxVariantPrice { amount } } } "
            + "productVariants { id sku title price { amount } compareAtPrice { amount } taxable } userErrors { field code message } } }";
    static final String BULK_DELETE = "mutation($p: ID!, $v: [String!]!) { productVariantsBulkDelete(productId: $p, variantIds: $v) { "
            + "product { id priceRange { minVariantPrice { amount } maxVariantPrice { amount } } availableForSale } deletedVariantIds "
            + "userErrors { field code message } } }";
    static final String STATE = "query($id: ID!) { product(id: $id) { priceRange { minVariantPrice { amount } maxVariantPrice { amount } } "
            + "availableForSale variants { nodes { id sku title price { amount } compareAtPrice { amount } selectedOptions { name value } "
            + "weightGrams taxable quantityAvailable availableForSale } } } }";
    static final String STOCK = "{ products(first: 100) { nodes { variants { nodes { id quantityAvailable } } } } }";

    /** A T-shirt with Size S/M/L x Colour Red/Blue and two variants: S/Red 10.00 (SKU p-S-RED), M/Red 20.00. */
    private static Map<String, Object> shirt(String prefix) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", prefix + " shirt");
        input.put("status", "ACTIVE");
        input.put("options", List.of(Map.of("name", "Size", "values", List.of("S", "M", "L")),
                Map.of("name", "Colour", "values", List.of("Red", "Blue"))));
        input.put("variants", List.of(
                Map.of("sku", prefix + "-S-RED", "optionValues", List.of("S", "Red"), "price", "10.00", "inventoryQuantity", 4),
                Map.of("sku", prefix + "-M-RED", "optionValues", List.of("M", "Red"), "price", "20.00", "inventoryQuantity", 0)));
        return input;
    }

    private static JsonPath createShirt(TestStore store, String prefix) {
        JsonPath body = create(store, shirt(prefix));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return body;
    }

    @Test
    void bulkCreateAddsVariantsWithStockAndWidensThePriceRange() {
        TestStore store = TestStores.create("vb-create");
        String product = createShirt(store, "c").getString("data.productCreate.product.id");

        JsonPath body = store.owner().execute(BULK_CREATE, Map.of("p", product, "v", List.of(
                Map.of("sku", "c-L-BLUE", "optionValues", List.of("L", "Blue"), "price", "35.50", "inventoryQuantity", 7),
                Map.of("optionValues", List.of(" S ", "Blue"), "price", "5.00"))));

        assertThat(body.getList("data.productVariantsBulkCreate.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getList("data.productVariantsBulkCreate.productVariants.title")).containsExactly("L / Blue", "S / Blue");
        assertThat(body.getList("data.productVariantsBulkCreate.productVariants.quantityAvailable")).containsExactly(7, null);
        assertThat(body.getList("data.productVariantsBulkCreate.productVariants.availableForSale")).containsExactly(true, true);
        assertThat(body.getString("data.productVariantsBulkCreate.product.priceRange.minVariantPrice.amount")).isEqualTo("5.00");
        assertThat(body.getString("data.productVariantsBulkCreate.product.priceRange.maxVariantPrice.amount")).isEqualTo("35.50");
        JsonPath state = store.owner().execute(STATE, Map.of("id", product));
        assertThat(state.getList("data.product.variants.nodes.sku")).containsExactly("c-S-RED", "c-M-RED", "c-L-BLUE", null);
        assertThat(state.getList("data.product.variants.nodes.quantityAvailable")).containsExactly(4, 0, 7, null);
        // The price filter and sort read the denormalised range.
        assertThat(store.storefront().execute("{ products(first: 5, filter: {minPrice: \"30\"}) { nodes { id } } }")
                .getList("data.products.nodes.id")).containsExactly(product);
    }

    @Test
    void bulkCreateRefusesEachInvalidInputWithItsCodeAndWritesNothing() {
        TestStore store = TestStores.create("vb-create-codes");
        String product = createShirt(store, "k").getString("data.productCreate.product.id");
        createShirt(store, "other");
        String before = snapshot(store, product);

        expectCreate(store, product, "SKU_TAKEN", List.of("variants", "1", "sku"),
                List.of(variant("L", "Blue", "1.00", "fresh-1"), variant("S", "Blue", "1.00", "other-S-RED")));
        expectCreate(store, product, "SKU_TAKEN", List.of("variants", "1", "sku"),
                List.of(variant("L", "Blue", "1.00", "twin"), variant("S", "Blue", "1.00", "twin")));
        expectCreate(store, product, "SKU_TAKEN", List.of("variants", "0", "sku"), List.of(variant("L", "Blue", "1.00", "k-M-RED")));
        expectCreate(store, product, "INVALID_PRICE", List.of("variants", "0", "price"), List.of(variant("L", "Blue", "-1", null)));
        expectCreate(store, product, "INVALID_PRICE", List.of("variants", "0", "price"), List.of(variant("L", "Blue", "1.005", null)));
        Map<String, Object> below = variant("L", "Blue", "9.00", null);
        below.put("compareAtPrice", "8.00");
        expectCreate(store, product, "INVALID_PRICE", List.of("variants", "0", "compareAtPrice"), List.of(below));
        expectCreate(store, product, "UNKNOWN_OPTION_VALUE", List.of("variants", "0", "optionValues"), List.of(variant("XL", "Blue", "1.00", null)));
        expectCreate(store, product, "UNKNOWN_OPTION_VALUE", List.of("variants", "0", "optionValues"),
                List.of(new HashMap<>(Map.of("optionValues", List.of("L"), "price", "1.00"))));
        expectCreate(store, product, "DUPLICATE_VARIANT", List.of("variants", "0"), List.of(variant("M", "Red", "1.00", null)));
        expectCreate(store, product, "DUPLICATE_VARIANT", List.of("variants", "1"),
                List.of(variant("L", "Blue", "1.00", null), variant("L", "Blue", "2.00", null)));
        Map<String, Object> heavy = variant("L", "Blue", "1.00", null);
        heavy.put("weightGrams", -5);
        expectCreate(store, product, "INVALID_VALUE", List.of("variants", "0", "weightGrams"), List.of(heavy));
        expectCreate(store, product, "INVALID_VALUE", List.of("variants"), List.of());
        expectCreate(store, "gid://shopgraph/Product/0191a0a0-0000-7000-8000-000000000000", "NOT_FOUND", List.of("productId"),
                List.of(variant("L", "Blue", "1.00", null)));
        expectCreate(store, "not-a-gid", "NOT_FOUND", List.of("productId"), List.of(variant("L", "Blue", "1.00", null)));

        assertThat(snapshot(store, product)).as("failed calls wrote nothing").isEqualTo(before);
    }

    @Test
    void bulkCreateStopsAtOneHundredVariants() {
        TestStore store = TestStores.create("vb-create-many");
        List<String> values = new ArrayList<>();
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            values.add("V" + i);
        }
        for (int i = 0; i < 99; i++) {
            variants.add(Map.of("optionValues", List.of("V" + i), "price", "1.00"));
        }
        Map<String, Object> input = new HashMap<>(Map.of("title", "Many", "options", List.of(Map.of("name", "N", "values", values)),
                "variants", variants));
        String product = CatalogFixtures.createOk(store, input);
        String before = snapshot(store, product);

        JsonPath tooMany = store.owner().execute(BULK_CREATE, Map.of("p", product, "v", List.of(
                Map.of("optionValues", List.of("V99"), "price", "1.00"), Map.of("optionValues", List.of("V100"), "price", "1.00"))));
        assertThat(tooMany.getString("data.productVariantsBulkCreate.userErrors[0].code")).isEqualTo("TOO_MANY_VARIANTS");
        assertThat(tooMany.getList("data.productVariantsBulkCreate.userErrors[0].field")).containsExactly("variants");
        assertThat(snapshot(store, product)).isEqualTo(before);

        JsonPath hundredth = store.owner().execute(BULK_CREATE, Map.of("p", product, "v", List.of(
                Map.of("optionValues", List.of("V100"), "price", "1.00"))));
        assertThat(hundredth.getList("data.productVariantsBulkCreate.userErrors")).isEmpty();
    }

    @Test
    void bulkUpdateChangesOnlyTheGivenFieldsAndKeepsThePriceRange() {
        TestStore store = TestStores.create("vb-update");
        JsonPath created = createShirt(store, "u");
        String product = created.getString("data.productCreate.product.id");
        String small = created.getString("data.productCreate.product.variants.nodes[0].id");
        String medium = created.getString("data.productCreate.product.variants.nodes[1].id");

        JsonPath body = store.owner().execute(BULK_UPDATE, Map.of("p", product, "v", List.of(
                Map.of("id", medium, "price", "2.50", "compareAtPrice", "3.00", "optionValues", List.of("L", "Blue")),
                Map.of("id", small, "sku", "u-S-RED-2", "taxable", false))));

        assertThat(body.getList("data.productVariantsBulkUpdate.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getList("data.productVariantsBulkUpdate.productVariants.id")).containsExactly(medium, small);
        assertThat(body.getList("data.productVariantsBulkUpdate.productVariants.title")).containsExactly("L / Blue", "S / Red");
        assertThat(body.getString("data.productVariantsBulkUpdate.product.priceRange.minVariantPrice.amount")).isEqualTo("2.50");
        assertThat(body.getString("data.productVariantsBulkUpdate.product.priceRange.maxVariantPrice.amount")).isEqualTo("10.00");
        JsonPath state = store.owner().execute(STATE, Map.of("id", product));
        assertThat(state.getList("data.product.variants.nodes.sku")).containsExactly("u-S-RED-2", "u-M-RED");
        assertThat(state.getList("data.product.variants.nodes.price.amount")).containsExactly("10.00", "2.50");
        assertThat(state.getList("data.product.variants.nodes.taxable")).containsExactly(false, true);
        assertThat(state.getList("data.product.variants.nodes.quantityAvailable")).as("stock untouched").containsExactly(4, 0);

        // Two variants may swap SKUs in one call; a compare-at price can be removed.
        JsonPath swap = store.owner().execute(BULK_UPDATE, Map.of("p", product, "v", List.of(
                Map.of("id", small, "sku", "u-M-RED"), Map.of("id", medium, "sku", "u-S-RED-2", "clearCompareAtPrice", true))));
        assertThat(swap.getList("data.productVariantsBulkUpdate.userErrors")).as(swap.prettify()).isEmpty();
        assertThat(swap.getList("data.productVariantsBulkUpdate.productVariants.sku")).containsExactly("u-M-RED", "u-S-RED-2");
        assertThat(swap.getList("data.productVariantsBulkUpdate.productVariants.compareAtPrice")).containsExactly(null, null);
        // The storefront's price sort follows the new range.
        assertThat(store.storefront().execute("{ products(first: 5, sortKey: PRICE) { nodes { priceRange { minVariantPrice { amount } } } } }")
                .getList("data.products.nodes.priceRange.minVariantPrice.amount")).containsExactly("2.50");
    }

    @Test
    void bulkUpdateRefusesEachInvalidInputWithItsCodeAndWritesNothing() {
        TestStore store = TestStores.create("vb-update-codes");
        JsonPath created = createShirt(store, "w");
        String product = created.getString("data.productCreate.product.id");
        String small = created.getString("data.productCreate.product.variants.nodes[0].id");
        String medium = created.getString("data.productCreate.product.variants.nodes[1].id");
        JsonPath elsewhere = createShirt(store, "x");
        String foreignVariant = elsewhere.getString("data.productCreate.product.variants.nodes[0].id");
        String before = snapshot(store, product);

        expectUpdate(store, product, "SKU_TAKEN", List.of("variants", "1", "sku"),
                List.of(Map.of("id", small, "price", "1.00"), Map.of("id", medium, "sku", "x-M-RED")));
        expectUpdate(store, product, "SKU_TAKEN", List.of("variants", "0", "sku"), List.of(Map.of("id", medium, "sku", "w-S-RED")));
        expectUpdate(store, product, "INVALID_PRICE", List.of("variants", "1", "price"),
                List.of(Map.of("id", small, "price", "1.00"), Map.of("id", medium, "price", "-3")));
        expectUpdate(store, product, "INVALID_PRICE", List.of("variants", "0", "compareAtPrice"),
                List.of(Map.of("id", small, "compareAtPrice", "9.99")));
        expectUpdate(store, product, "UNKNOWN_OPTION_VALUE", List.of("variants", "0", "optionValues"),
                List.of(Map.of("id", small, "optionValues", List.of("S", "Green"))));
        expectUpdate(store, product, "DUPLICATE_VARIANT", List.of("variants", "0"),
                List.of(Map.of("id", small, "optionValues", List.of("M", "Red"))));
        expectUpdate(store, product, "NOT_FOUND", List.of("variants", "1", "id"),
                List.of(Map.of("id", small, "price", "1.00"), Map.of("id", foreignVariant, "price", "1.00")));
        expectUpdate(store, product, "NOT_FOUND", List.of("variants", "0", "id"), List.of(Map.of("id", "junk", "price", "1.00")));
        expectUpdate(store, product, "INVALID_VALUE", List.of("variants", "1", "id"),
                List.of(Map.of("id", small, "price", "1.00"), Map.of("id", small, "price", "2.00")));
        expectUpdate(store, product, "INVALID_VALUE", List.of("variants", "0", "weightGrams"), List.of(Map.of("id", small, "weightGrams", -1)));

        assertThat(snapshot(store, product)).as("failed calls wrote nothing").isEqualTo(before);
    }

    @Test
    void bulkDeleteRemovesVariantsAndTheirStockButNeverTheLastOne() {
        TestStore store = TestStores.create("vb-delete");
        JsonPath created = createShirt(store, "d");
        String product = created.getString("data.productCreate.product.id");
        String small = created.getString("data.productCreate.product.variants.nodes[0].id");
        String medium = created.getString("data.productCreate.product.variants.nodes[1].id");
        String foreign = createShirt(store, "e").getString("data.productCreate.product.variants.nodes[0].id");
        store.owner().execute("mutation($p: ID!, $m: [ProductMediaAddInput!]!) { productMediaAdd(productId: $p, media: $m) { userErrors { code } } }",
                Map.of("p", product, "m", List.of(Map.of("url", "https://img.example/d.jpg", "variantId", small))));
        String before = snapshot(store, product);

        expectDelete(store, product, "LAST_VARIANT", List.of("variantIds"), List.of(small, medium));
        expectDelete(store, product, "LAST_VARIANT", List.of("variantIds"), List.of(small, medium, small));
        expectDelete(store, product, "NOT_FOUND", List.of("variantIds", "1"), List.of(small, foreign));
        expectDelete(store, product, "NOT_FOUND", List.of("variantIds", "0"), List.of("gid://shopgraph/ProductVariant/x"));
        expectDelete(store, product, "INVALID_VALUE", List.of("variantIds"), List.of());
        assertThat(snapshot(store, product)).as("failed calls wrote nothing").isEqualTo(before);

        // S/Red (4 in stock) goes: the range narrows to M/Red, which is sold out, so the product is no longer available.
        JsonPath body = store.owner().execute(BULK_DELETE, Map.of("p", product, "v", List.of(small)));
        assertThat(body.getList("data.productVariantsBulkDelete.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getList("data.productVariantsBulkDelete.deletedVariantIds")).containsExactly(small);
        assertThat(body.getString("data.productVariantsBulkDelete.product.priceRange.minVariantPrice.amount")).isEqualTo("20.00");
        assertThat(body.getBoolean("data.productVariantsBulkDelete.product.availableForSale")).isFalse();
        JsonPath state = store.owner().execute(STATE, Map.of("id", product));
        assertThat(state.getList("data.product.variants.nodes.id")).containsExactly(medium);
        assertThat(store.owner().execute("query($id: ID!) { node(id: $id) { id } }", Map.of("id", small)).getString("data.node")).isNull();
        assertThat(store.owner().execute("query($id: ID!) { product(id: $id) { images { id } } }", Map.of("id", product))
                .getList("data.product.images")).as("the image stays, unbound").hasSize(1);
        // The stock row went with the variant: setting its quantity now finds nothing.
        JsonPath set = store.owner().execute(CatalogMutationsTest.SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", small, "quantity", 1, "compareQuantity", 4)))));
        assertThat(set.getString("data.inventorySetQuantities.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(store.storefront().execute("{ products(first: 5, filter: {available: false}) { nodes { id } } }")
                .getList("data.products.nodes.id")).contains(product);
    }

    @Test
    void concurrentCallsOnOneProductLeaveAConsistentPriceRange() throws Exception {
        TestStore store = TestStores.create("vb-race");
        List<String> values = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            values.add("V" + i);
        }
        String product = CatalogFixtures.createOk(store, new HashMap<>(Map.of("title", "Raced", "status", "ACTIVE",
                "options", List.of(Map.of("name", "N", "values", values)),
                "variants", List.of(Map.of("optionValues", List.of("V0"), "price", "50.00")))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                Map<String, Object> variables = Map.of("p", product, "v", List.of(Map.of("optionValues", List.of("V" + i), "price", i + ".00")));
                calls.add(pool.submit(() -> store.owner().execute(BULK_CREATE, variables)));
            }
            for (Future<JsonPath> call : calls) {
                assertThat(call.get(2, TimeUnit.MINUTES).getList("data.productVariantsBulkCreate.userErrors")).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        JsonPath state = store.owner().execute(STATE, Map.of("id", product));
        assertThat(state.getList("data.product.variants.nodes")).hasSize(9);
        assertThat(state.getString("data.product.priceRange.minVariantPrice.amount")).isEqualTo("1.00");
        assertThat(state.getString("data.product.priceRange.maxVariantPrice.amount")).isEqualTo("50.00");
    }

    @Test
    void variantMutationsNeedWriteProducts() {
        TestStore store = TestStores.create("vb-scope");
        JsonPath created = createShirt(store, "s");
        String product = created.getString("data.productCreate.product.id");
        String small = created.getString("data.productCreate.product.variants.nodes[0].id");
        String before = snapshot(store, product);
        GraphQL support = CatalogTestSupport.readOnlyStaff(store);

        for (JsonPath body : List.of(
                support.execute(BULK_CREATE, Map.of("p", product, "v", List.of(variant("L", "Blue", "1.00", null)))),
                support.execute(BULK_UPDATE, Map.of("p", product, "v", List.of(Map.of("id", small, "price", "1.00")))),
                support.execute(BULK_DELETE, Map.of("p", product, "v", List.of(small))),
                store.storefront().execute(BULK_DELETE, Map.of("p", product, "v", List.of(small))),
                GraphQL.merchant(LocalOidcIssuer.token("stranger")).execute(BULK_DELETE, Map.of("p", product, "v", List.of(small))))) {
            assertThat(body.getString("errors[0].extensions.code")).as(body.prettify()).isIn("FORBIDDEN", "UNAUTHENTICATED");
        }
        assertThat(snapshot(store, product)).isEqualTo(before);
    }

    static Map<String, Object> variant(String size, String colour, String price, String sku) {
        Map<String, Object> v = new HashMap<>();
        v.put("optionValues", List.of(size, colour));
        v.put("price", price);
        if (sku != null) {
            v.put("sku", sku);
        }
        return v;
    }

    private static String snapshot(TestStore store, String product) {
        return store.owner().execute(STATE, Map.of("id", product)).prettify() + store.owner().execute(STOCK).prettify();
    }

    private static void expectCreate(TestStore store, String product, String code, List<String> field, List<Map<String, Object>> variants) {
        JsonPath body = store.owner().execute(BULK_CREATE, Map.of("p", product, "v", variants));
        assertThat(body.getString("data.productVariantsBulkCreate.userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data.productVariantsBulkCreate.userErrors[0].field")).as(code).isEqualTo(field);
        assertThat(body.getString("data.productVariantsBulkCreate.product")).isNull();
    }

    private static void expectUpdate(TestStore store, String product, String code, List<String> field, List<Map<String, Object>> variants) {
        JsonPath body = store.owner().execute(BULK_UPDATE, Map.of("p", product, "v", variants));
        assertThat(body.getString("data.productVariantsBulkUpdate.userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data.productVariantsBulkUpdate.userErrors[0].field")).as(code).isEqualTo(field);
        assertThat(body.getString("data.productVariantsBulkUpdate.product")).isNull();
    }

    private static void expectDelete(TestStore store, String product, String code, List<String> field, List<String> ids) {
        JsonPath body = store.owner().execute(BULK_DELETE, Map.of("p", product, "v", ids));
        assertThat(body.getString("data.productVariantsBulkDelete.userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data.productVariantsBulkDelete.userErrors[0].field")).as(code).isEqualTo(field);
        assertThat(body.getString("data.productVariantsBulkDelete.product")).isNull();
    }
}
