package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * A request makes the data loaders of the batch fields it resolves, not one per batch field of the schema, and batching
 * still answers each parent its own values, per arguments. Counts loaders, never times.
 */
@QuarkusTest
class BatchLoadersTest {

    @Test
    void aRequestMakesOnlyTheDataLoadersOfTheBatchFieldsItResolves() {
        TestStore store = TestStores.create("batch-loaders");
        for (int p = 0; p < 3; p++) {
            JsonPath created = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { userErrors { code } } }",
                    Map.of("i", Map.of("title", "Batch " + p, "status", "ACTIVE", "publishedAt", "2020-01-01T00:00:00Z",
                            "options", List.of(Map.of("name", "Size", "values", List.of("S", "M", "L"))),
                            "variants", List.of(variant("S"), variant("M"), variant("L")))));
            assertThat(created.getList("data.productCreate.userErrors")).as(created.prettify()).isEmpty();
        }
        String query = "{ products(first: 3) { nodes { id one: variants(first: 1) { nodes { id product { id } } } "
                + "two: variants(first: 2) { nodes { id product { id } } } images { url } } } }";

        long before = BatchLoaders.made();
        JsonPath body = store.storefront().uncached().execute(query, Map.of());
        long made = BatchLoaders.made() - before;

        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        // Of the schema's batch fields: Product.variants twice (two sets of arguments, two batches), ProductVariant.product
        // (both aliases' variants in one batch) and Product.images.
        assertThat(made).isEqualTo(4);
        List<Map<String, Object>> products = body.getList("data.products.nodes");
        assertThat(products).hasSize(3);
        for (int i = 0; i < products.size(); i++) {
            String product = body.getString("data.products.nodes[" + i + "].id");
            // The same parents under different arguments are loaded apart: one variant, then two.
            assertThat(body.getList("data.products.nodes[" + i + "].one.nodes")).hasSize(1);
            assertThat(body.getList("data.products.nodes[" + i + "].two.nodes")).hasSize(2);
            assertThat(body.getList("data.products.nodes[" + i + "].two.nodes.product.id", String.class)).containsOnly(product);
        }
    }

    private static Map<String, Object> variant(String size) {
        return Map.of("price", "5.00", "optionValues", List.of(size));
    }
}
