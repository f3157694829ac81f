package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * The depth limit (shopgraph.graphql.max-depth, 15) holds on every request although its verdict is computed once per
 * operation (OperationLimitsOnce), and a verdict that depends on variables (@include, @skip) is computed per request.
 */
@QuarkusTest
class OperationLimitsTest {

    /** product → variants → nodes → product …: pages of one, cheap for the cost limit, and {@code id} at depth 18. */
    private static final String DEEP = "products(first: 1) { nodes { " + "variants(first: 1) { nodes { product { ".repeat(5) + "id" + " }".repeat(17);

    @Test
    void aTooDeepOperationIsRefusedEveryTimeItIsSent() {
        TestStore store = TestStores.create("limits-once");
        for (int i = 0; i < 3; i++) {
            JsonPath body = store.storefront().uncached().execute("query Deep { " + DEEP + " }", Map.of());
            assertThat(body.getString("errors[0].message")).as(body.prettify()).contains("maximum query depth exceeded");
            assertThat(body.getString("data")).isNull();
        }
        JsonPath shallow = store.storefront().uncached().execute("query Shallow { products(first: 1) { nodes { id } } }", Map.of());
        assertThat(shallow.getList("errors")).as(shallow.prettify()).isNull();
    }

    @Test
    void aVerdictThatDependsOnVariablesIsTakenPerRequest() {
        TestStore store = TestStores.create("limits-include");
        String query = "query Maybe($deep: Boolean!) { shop { id } ... @include(if: $deep) { " + DEEP + " } }";
        for (int i = 0; i < 2; i++) {
            JsonPath shallow = store.storefront().uncached().execute(query, Map.of("deep", false));
            assertThat(shallow.getList("errors")).as(shallow.prettify()).isNull();
            JsonPath deep = store.storefront().uncached().execute(query, Map.of("deep", true));
            assertThat(deep.getString("errors[0].message")).as(deep.prettify()).contains("maximum query depth exceeded");
        }
    }
}
