package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.create;
import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class CatalogMutationsTest {

    static final String COUNT = "{ products(first: 100) { nodes { handle variants { nodes { sku } } } } collections(first: 100) { nodes { handle } } }";
    static final String SET = "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { "
            + "stockLevels { variantId onHand tracked policy } userErrors { field code message } } }";

    @Test
    void productCreateStoresOptionsVariantsAndMediaAndRefusesEachInvalidInputWithItsCode() {
        TestStore store = TestStores.create("cat-codes");
        Map<String, Object> shirt = product("Shirt", "ACTIVE", "10.00", "12.00");
        ((List<Map<String, Object>>) shirt.get("variants")).get(0).put("sku", "SHIRT-S");
        createOk(store, shirt);
        String before = store.owner().execute(COUNT).prettify();

        expect(store, "INVALID_TITLE", List.of("input", "title"), in -> in.put("title", "  "));
        expect(store, "INVALID_HANDLE", List.of("input", "handle"), in -> in.put("handle", "Not A Handle"));
        expect(store, "HANDLE_TAKEN", List.of("input", "handle"), in -> in.put("handle", "shirt"));
        expect(store, "SKU_TAKEN", List.of("input", "variants", "1", "sku"), in -> variant(in, 1).put("sku", "SHIRT-S"));
        expect(store, "SKU_TAKEN", List.of("input", "variants", "1", "sku"), in -> {
            variant(in, 0).put("sku", "TWIN");
            variant(in, 1).put("sku", "TWIN");
        });
        expect(store, "INVALID_PRICE", List.of("input", "variants", "0", "price"), in -> variant(in, 0).put("price", "-1"));
        expect(store, "INVALID_PRICE", List.of("input", "variants", "0", "price"), in -> variant(in, 0).put("price", "1.001"));
        expect(store, "INVALID_PRICE", List.of("input", "variants", "0", "compareAtPrice"), in -> variant(in, 0).put("compareAtPrice", "0.50"));
        expect(store, "UNKNOWN_OPTION_VALUE", List.of("input", "variants", "1", "optionValues"),
                in -> variant(in, 1).put("optionValues", List.of("XXL")));
        expect(store, "UNKNOWN_OPTION_VALUE", List.of("input", "variants", "1", "optionValues"),
                in -> variant(in, 1).put("optionValues", List.of()));
        expect(store, "DUPLICATE_VARIANT", List.of("input", "variants", "1"), in -> variant(in, 1).put("optionValues", List.of("S0")));
        expect(store, "TOO_MANY_OPTIONS", List.of("input", "options"), in -> in.put("options", List.of(
                Map.of("name", "A", "values", List.of("1")), Map.of("name", "B", "values", List.of("1")),
                Map.of("name", "C", "values", List.of("1")), Map.of("name", "D", "values", List.of("1")))));
        expect(store, "INVALID_OPTION", List.of("input", "options", "0", "values"),
                in -> in.put("options", List.of(Map.of("name", "Size", "values", List.of("S0", "S0")))));
        expect(store, "TOO_MANY_VARIANTS", List.of("input", "variants"), in -> in.put("variants", List.of()));
        expect(store, "TOO_MANY_VARIANTS", List.of("input", "variants"), in -> {
            List<Map<String, Object>> many = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                values.add("V" + i);
                many.add(new HashMap<>(Map.of("price", "1.00", "optionValues", List.of("V" + i))));
            }
            in.put("options", List.of(Map.of("name", "N", "values", values)));
            in.put("variants", many);
        });
        expect(store, "UNKNOWN_OPTION_VALUE", List.of("input", "variants", "1", "optionValues"), in -> {
            List<String> withNull = new ArrayList<>();
            withNull.add(null);
            variant(in, 1).put("optionValues", withNull);
        });
        expect(store, "INVALID_MEDIA", List.of("input", "media", "0", "url"), in -> in.put("media", List.of(Map.of("url", "javascript:alert(1)"))));

        assertThat(store.owner().execute(COUNT).prettify()).as("failed mutations wrote nothing").isEqualTo(before);
    }

    @Test
    void aLateFailureRollsBackWhatTheMutationHadAlreadyWritten() {
        TestStore store = TestStores.create("cat-rollback");
        Map<String, Object> first = product("First", "ACTIVE", "1.00");
        variant(first, 0).put("sku", "TAKEN");
        createOk(store, first);
        String before = store.owner().execute(COUNT).prettify();
        Map<String, Object> late = product("Late Failure", "ACTIVE", "1.00", "2.00", "3.00");
        variant(late, 0).put("sku", "FRESH-1");
        variant(late, 2).put("sku", "TAKEN");

        JsonPath body = create(store, late);

        assertThat(body.getString("data.productCreate.userErrors[0].code")).isEqualTo("SKU_TAKEN");
        assertThat(body.getString("data.productCreate.product")).isNull();
        assertThat(store.owner().execute(COUNT).prettify()).isEqualTo(before);
        variant(late, 2).put("sku", "FRESH-3");
        assertThat(create(store, late).getList("data.productCreate.userErrors")).as("FRESH-1 and the handle are free again").isEmpty();
    }

    @Test
    void productUpdateAndDelete() {
        TestStore store = TestStores.create("cat-update");
        String a = createOk(store, product("Alpha", "DRAFT", "1.00"));
        createOk(store, product("Beta", "ACTIVE", "1.00"));
        String update = "mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { "
                + "product { title handle status descriptionHtml } userErrors { field code } } }";
        String delete = "mutation($id: ID!) { productDelete(id: $id) { deletedProductId userErrors { field code } } }";

        JsonPath taken = store.owner().execute(update, Map.of("id", a, "input", Map.of("handle", "beta", "title", "Renamed")));
        assertThat(taken.getString("data.productUpdate.userErrors[0].code")).isEqualTo("HANDLE_TAKEN");
        JsonPath ok = store.owner().execute(update, Map.of("id", a, "input", Map.of("status", "ACTIVE", "description", "Fish & <chips>")));
        assertThat(ok.getString("data.productUpdate.product.title")).isEqualTo("Alpha");
        assertThat(ok.getString("data.productUpdate.product.descriptionHtml")).isEqualTo("<p>Fish &amp; &lt;chips&gt;</p>");
        assertThat(store.storefront().execute("{ product(handle: \"alpha\") { title } }").getString("data.product.title")).isEqualTo("Alpha");

        TestStore other = TestStores.create("cat-update-other");
        assertThat(other.owner().execute(delete, Map.of("id", a)).getString("data.productDelete.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(store.owner().execute(update, Map.of("id", "gid://shopgraph/Product/nope", "input", Map.of()))
                .getString("data.productUpdate.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(store.owner().execute(delete, Map.of("id", a)).getString("data.productDelete.deletedProductId")).isEqualTo(a);
        assertThat(store.owner().execute(delete, Map.of("id", a)).getString("data.productDelete.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(store.storefront().execute("{ product(handle: \"alpha\") { title } }").getString("data.product")).isNull();
    }

    @Test
    void collectionsRefuseTakenHandlesAndUnknownProducts() {
        TestStore store = TestStores.create("cat-coll");
        TestStore other = TestStores.create("cat-coll-other");
        String mine = createOk(store, product("Mine", "ACTIVE", "1.00"));
        String theirs = createOk(other, product("Theirs", "ACTIVE", "1.00"));
        String collection = CatalogFixtures.collection(store, "Summer", List.of(mine));

        JsonPath taken = store.owner().execute(CatalogFixtures.COLLECTION_CREATE, Map.of("input", Map.of("title", "Summer")));
        JsonPath foreign = store.owner().execute(CatalogFixtures.COLLECTION_ADD, Map.of("id", collection, "ids", List.of(mine, theirs)));

        assertThat(taken.getString("data.collectionCreate.userErrors[0].code")).isEqualTo("HANDLE_TAKEN");
        assertThat(foreign.getString("data.collectionAddProducts.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(store.storefront().execute("{ collection(handle: \"summer\") { products { nodes { title } } } }")
                .getList("data.collection.products.nodes.title")).containsExactly("Mine");
        String remove = "mutation($id: ID!, $ids: [String!]!) { collectionRemoveProducts(id: $id, productIds: $ids) { "
                + "collection { handle } userErrors { code } } }";
        String delete = "mutation($id: ID!) { collectionDelete(id: $id) { deletedCollectionId userErrors { code } } }";
        assertThat(store.owner().execute(remove, Map.of("id", collection, "ids", List.of(mine, theirs)))
                .getList("data.collectionRemoveProducts.userErrors")).isEmpty();
        assertThat(store.storefront().execute("{ collection(handle: \"summer\") { products { nodes { title } } } }")
                .getList("data.collection.products.nodes")).isEmpty();
        assertThat(other.owner().execute(delete, Map.of("id", collection)).getString("data.collectionDelete.userErrors[0].code"))
                .isEqualTo("NOT_FOUND");
        assertThat(store.owner().execute(delete, Map.of("id", collection)).getString("data.collectionDelete.deletedCollectionId"))
                .isEqualTo(collection);
        assertThat(store.storefront().execute("{ collection(handle: \"summer\") { id } }").getString("data.collection")).isNull();
        assertThat(store.storefront().execute("{ product(handle: \"mine\") { title } }").getString("data.product.title")).isEqualTo("Mine");
    }

    @Test
    void inventoryIsSetByCompareAndSetAndAStaleLineChangesNothing() {
        TestStore store = TestStores.create("cat-stock");
        JsonPath created = create(store, product("Socks", "ACTIVE", "3.00", "4.00"));
        String v0 = created.getString("data.productCreate.product.variants.nodes[0].id");
        String v1 = created.getString("data.productCreate.product.variants.nodes[1].id");

        JsonPath first = store.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", v0, "quantity", 5, "compareQuantity", 0), Map.of("variantId", v1, "quantity", 0, "compareQuantity", 0)))));
        assertThat(first.getList("data.inventorySetQuantities.userErrors")).isEmpty();
        assertThat(first.getList("data.inventorySetQuantities.stockLevels.onHand")).containsExactlyInAnyOrder(5, 0);

        JsonPath stale = store.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", v1, "quantity", 9, "compareQuantity", 0), Map.of("variantId", v0, "quantity", 7, "compareQuantity", 0)))));
        assertThat(stale.getString("data.inventorySetQuantities.userErrors[0].code")).isEqualTo("STALE_QUANTITY");
        assertThat(stale.getList("data.inventorySetQuantities.userErrors[0].field")).containsExactly("input", "quantities", "1", "compareQuantity");

        JsonPath read = store.storefront().execute("{ product(handle: \"socks\") { availableForSale variants { nodes { quantityAvailable availableForSale } } } }");
        assertThat(read.getList("data.product.variants.nodes.quantityAvailable")).as("the stale call changed nothing").containsExactly(5, 0);
        assertThat(read.getList("data.product.variants.nodes.availableForSale")).containsExactly(true, false);
        assertThat(read.getBoolean("data.product.availableForSale")).isTrue();

        TestStore other = TestStores.create("cat-stock-other");
        JsonPath foreign = other.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", v0, "quantity", 1, "compareQuantity", 5)))));
        assertThat(foreign.getString("data.inventorySetQuantities.userErrors[0].code")).isEqualTo("NOT_FOUND");
        JsonPath negative = store.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", v0, "quantity", -1, "compareQuantity", 5)))));
        assertThat(negative.getString("data.inventorySetQuantities.userErrors[0].code")).isEqualTo("INVALID_QUANTITY");
        JsonPath backorder = store.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", v1, "quantity", 0, "compareQuantity", 0, "policy", "CONTINUE")))));
        assertThat(backorder.getString("data.inventorySetQuantities.stockLevels[0].policy")).isEqualTo("CONTINUE");
        assertThat(store.storefront().execute("{ product(handle: \"socks\") { variants { nodes { availableForSale } } } }")
                .getList("data.product.variants.nodes.availableForSale")).containsExactly(true, true);
    }

    @Test
    void theAvailableFilterFollowsStock() {
        TestStore store = TestStores.create("cat-avail");
        Map<String, Object> soldOut = product("Sold Out", "ACTIVE", "1.00");
        variant(soldOut, 0).put("inventoryQuantity", 0);
        Map<String, Object> inStock = product("In Stock", "ACTIVE", "1.00");
        variant(inStock, 0).put("inventoryQuantity", 3);
        createOk(store, soldOut);
        String variant = create(store, inStock).getString("data.productCreate.product.variants.nodes[0].id");
        createOk(store, product("Untracked", "ACTIVE", "1.00"));
        String list = "query($a: Boolean) { products(first: 10, filter: {available: $a}) { nodes { title availableForSale } } }";

        assertThat(store.storefront().execute(list, Map.of("a", true)).getList("data.products.nodes.title")).containsExactly("In Stock", "Untracked");
        assertThat(store.storefront().execute(list, Map.of("a", false)).getList("data.products.nodes.title")).containsExactly("Sold Out");

        store.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(Map.of("variantId", variant, "quantity", 0, "compareQuantity", 3)))));

        assertThat(store.storefront().execute(list, Map.of("a", false)).getList("data.products.nodes.title")).containsExactly("Sold Out", "In Stock");
        assertThat(store.storefront().execute(list, Map.of("a", false)).getList("data.products.nodes.availableForSale")).containsExactly(false, false);
    }

    @Test
    void mutationsNeedAMerchantWithWriteProducts() {
        TestStore store = TestStores.create("cat-auth");
        Map<String, Object> input = Map.of("input", product("Nope", "ACTIVE", "1.00"));

        assertThat(store.storefront().execute(CatalogFixtures.CREATE, input).getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(GraphQL.merchant(LocalOidcIssuer.token("stranger")).execute(CatalogFixtures.CREATE, input)
                .getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(store.owner().execute(COUNT).getList("data.products.nodes")).isEmpty();
    }

    private static void expect(TestStore store, String code, List<String> field, Consumer<Map<String, Object>> change) {
        Map<String, Object> input = product("Polo", "ACTIVE", "10.00", "12.00");
        change.accept(input);
        JsonPath body = create(store, input);
        assertThat(body.getString("data.productCreate.userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data.productCreate.userErrors[0].field")).as(code).isEqualTo(field);
        assertThat(body.getString("data.productCreate.product")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variant(Map<String, Object> input, int index) {
        return ((List<Map<String, Object>>) input.get("variants")).get(index);
    }
}
