package io.shopgraph.catalog;

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
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Merchant metadata: set through productCreate/productUpdate, private unless storefrontVisible, batched reads. */
@QuarkusTest
class ProductMetafieldsTest {

    static final String READ = "query($h: String!) { product(handle: $h) { metafields { namespace key value storefrontVisible } } }";
    static final String UPDATE = "mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { "
            + "product { metafields { namespace key value } } userErrors { field code message } } }";

    private static Map<String, Object> withMetafields(String title, List<Map<String, Object>> metafields) {
        Map<String, Object> input = CatalogFixtures.product(title, "ACTIVE", "5.00");
        input.put("metafields", metafields);
        return input;
    }

    @Test
    void merchantsReadEveryMetafieldStorefrontsOnlyTheVisibleOnes() {
        TestStore store = TestStores.create("meta-read");
        CatalogFixtures.createOk(store, withMetafields("Kettle", List.of(
                Map.of("key", "supplier_cost", "value", "3.10"),
                Map.of("namespace", "care", "key", "washing", "value", "Hand wash only", "storefrontVisible", true))));

        JsonPath merchant = store.owner().execute(READ, Map.of("h", "kettle"));
        assertThat(merchant.getList("data.product.metafields.key")).containsExactly("washing", "supplier_cost");
        assertThat(merchant.getList("data.product.metafields.namespace")).containsExactly("care", "custom");
        assertThat(merchant.getList("data.product.metafields.storefrontVisible")).containsExactly(true, false);

        JsonPath storefront = store.storefront().execute(READ, Map.of("h", "kettle"));
        assertThat(storefront.getList("errors")).isNull();
        assertThat(storefront.getList("data.product.metafields.key")).containsExactly("washing");
        assertThat(storefront.prettify()).doesNotContain("supplier_cost", "3.10");
        assertThat(store.storefront().execute("{ products(first: 5) { nodes { metafields(namespace: \"custom\") { key } } } }")
                .getList("data.products.nodes[0].metafields")).isEmpty();
        assertThat(store.owner().execute("{ products(first: 5) { nodes { metafields(namespace: \"custom\") { key value } } } }")
                .getList("data.products.nodes[0].metafields.value")).containsExactly("3.10");
    }

    @Test
    void productUpdateReplacesTheWholeSetLeavesItWhenOmittedAndAnEmptyListClearsIt() {
        TestStore store = TestStores.create("meta-update");
        String id = CatalogFixtures.createOk(store, withMetafields("Mug", List.of(Map.of("key", "a", "value", "1"),
                Map.of("key", "b", "value", "2"))));

        JsonPath replaced = store.owner().execute(UPDATE, Map.of("id", id, "input", Map.of("metafields", List.of(
                Map.of("key", "b", "value", "two"), Map.of("key", "c", "value", "3")))));
        assertThat(replaced.getList("data.productUpdate.userErrors")).as(replaced.prettify()).isEmpty();
        assertThat(replaced.getList("data.productUpdate.product.metafields.key")).containsExactly("b", "c");
        assertThat(replaced.getList("data.productUpdate.product.metafields.value")).containsExactly("two", "3");

        store.owner().execute(UPDATE, Map.of("id", id, "input", Map.of("title", "Big mug")));
        assertThat(store.owner().execute(READ, Map.of("h", "mug")).getList("data.product.metafields.key")).containsExactly("b", "c");

        store.owner().execute(UPDATE, Map.of("id", id, "input", Map.of("metafields", List.of())));
        assertThat(store.owner().execute(READ, Map.of("h", "mug")).getList("data.product.metafields")).isEmpty();
    }

    @Test
    void invalidMetafieldsAreRefusedWithTheirCodesAndChangeNothing() {
        TestStore store = TestStores.create("meta-codes");
        String id = CatalogFixtures.createOk(store, withMetafields("Pan", List.of(Map.of("key", "kept", "value", "yes"))));
        String before = store.owner().execute("{ products(first: 10) { nodes { handle title metafields { key value } } } }").prettify();

        Map<String, Object> ok = Map.of("key", "fine", "value", "v");
        expect(store, id, List.of(ok, Map.of("key", "no spaces", "value", "v")), "INVALID_METAFIELD", List.of("input", "metafields", "1", "key"));
        expect(store, id, List.of(Map.of("key", "k".repeat(65), "value", "v")), "INVALID_METAFIELD", List.of("input", "metafields", "0", "key"));
        expect(store, id, List.of(Map.of("namespace", "a.b", "key", "k", "value", "v")), "INVALID_METAFIELD",
                List.of("input", "metafields", "0", "namespace"));
        expect(store, id, List.of(Map.of("key", "k", "value", "")), "INVALID_METAFIELD", List.of("input", "metafields", "0", "value"));
        expect(store, id, List.of(Map.of("key", "k", "value", "x".repeat(10_001))), "INVALID_METAFIELD",
                List.of("input", "metafields", "0", "value"));
        expect(store, id, List.of(ok, Map.of("namespace", "custom", "key", "fine", "value", "again")), "INVALID_METAFIELD",
                List.of("input", "metafields", "1", "key"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("key", "k" + i, "value", "v"));
        }
        expect(store, id, many, "TOO_MANY_METAFIELDS", List.of("input", "metafields"));

        JsonPath create = CatalogFixtures.create(store, withMetafields("Pot", List.of(Map.of("key", "bad key", "value", "v"))));
        assertThat(create.getString("data.productCreate.userErrors[0].code")).isEqualTo("INVALID_METAFIELD");
        assertThat(create.getList("data.productCreate.userErrors[0].field")).containsExactly("input", "metafields", "0", "key");

        assertThat(store.owner().execute("{ products(first: 10) { nodes { handle title metafields { key value } } } }").prettify())
                .as("failed calls wrote nothing").isEqualTo(before);
        many.remove(50);
        assertThat(store.owner().execute(UPDATE, Map.of("id", id, "input", Map.of("metafields", many)))
                .getList("data.productUpdate.product.metafields")).as("50 is the limit").hasSize(50);
    }

    @Test
    void metafieldsOfAListingAreOneStatementWhateverThePageSize() {
        TestStore store = TestStores.create("meta-batch");
        for (int i = 0; i < 12; i++) {
            CatalogFixtures.createOk(store, withMetafields("Item " + i, List.of(Map.of("key", "k", "value", "v" + i, "storefrontVisible", true))));
        }
        String query = "query($n: Int!) { products(first: $n) { nodes { id } } }";
        String withMeta = "query($n: Int!) { products(first: $n) { nodes { id metafields { key value } } } }";

        long small = statements(store, withMeta, 2) - statements(store, query, 2);
        long large = statements(store, withMeta, 12) - statements(store, query, 12);

        assertThat(small).isEqualTo(1);
        assertThat(large).isEqualTo(1);
        assertThat(store.storefront().execute(withMeta, Map.of("n", 12)).getList("data.products.nodes.metafields.value").toString())
                .contains("v0", "v11");
    }

    @Test
    void concurrentReplacementsOfOneProductsMetafieldsAllSucceedAndOneSetWins() throws Exception {
        TestStore store = TestStores.create("meta-race");
        String id = CatalogFixtures.createOk(store, withMetafields("Raced", List.of(Map.of("key", "k", "value", "start"))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<String, Object> input = Map.of("metafields", List.of(Map.of("key", "k", "value", "v" + i), Map.of("key", "n" + i, "value", "x")));
                calls.add(pool.submit(() -> store.owner().execute(UPDATE, Map.of("id", id, "input", input))));
            }
            for (Future<JsonPath> call : calls) {
                JsonPath body = call.get(2, TimeUnit.MINUTES);
                assertThat(body.getList("errors")).as(body.prettify()).isNull();
                assertThat(body.getList("data.productUpdate.userErrors")).as(body.prettify()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> keys = store.owner().execute("query($id: ID!) { product(id: $id) { metafields { key } } }", Map.of("id", id))
                .getList("data.product.metafields.key");
        assertThat(keys).as("exactly one call's whole set").hasSize(2).contains("k");
    }

    private static long statements(TestStore store, String query, int n) {
        store.storefront().execute(query, Map.of("n", n));
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(query, Map.of("n", n)); // uncached path
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return used;
    }

    private static void expect(TestStore store, String id, List<Map<String, Object>> metafields, String code, List<String> field) {
        JsonPath body = store.owner().execute(UPDATE, Map.of("id", id, "input", new HashMap<>(Map.of("title", "Changed", "metafields", metafields))));
        assertThat(body.getString("data.productUpdate.userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data.productUpdate.userErrors[0].field")).as(code).isEqualTo(field);
        assertThat(body.getString("data.productUpdate.product")).isNull();
    }
}
