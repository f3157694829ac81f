package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Product.variants(first, after): keyset pages on (position, id) inside the one batched statement. */
@QuarkusTest
class VariantPagingTest {

    static final String PAGE = "query($id: ID, $first: Int!, $after: String) { product(id: $id) { variants(first: $first, after: $after) { "
            + "edges { cursor node { id title } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }";

    @Test
    void variantsPageForwardWithAfterThroughAManyVariantProduct() {
        TestStore store = TestStores.create("var-page");
        String[] prices = new String[25];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = (i + 1) + ".00";
        }
        String id = createOk(store, product("Many Sizes", "ACTIVE", prices));
        createOk(store, product("Other", "ACTIVE", "1.00", "2.00"));
        List<String> all = store.storefront().execute(PAGE, Map.of("id", id, "first", 100)).getList("data.product.variants.nodes.id");
        assertThat(all).hasSize(25).doesNotHaveDuplicates();

        List<String> seen = new ArrayList<>();
        String after = null;
        List<Integer> sizes = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            variables.put("first", 10);
            variables.put("after", after);
            JsonPath body = store.storefront().execute(PAGE, variables);
            assertThat(body.getList("errors")).as(body.prettify()).isNull();
            List<String> ids = body.getList("data.product.variants.nodes.id");
            sizes.add(ids.size());
            seen.addAll(ids);
            assertThat(body.getList("data.product.variants.edges.node.id")).isEqualTo(ids);
            assertThat(body.getBoolean("data.product.variants.pageInfo.hasNextPage")).isEqualTo(page < 2);
            assertThat(body.getBoolean("data.product.variants.pageInfo.hasPreviousPage")).isEqualTo(page > 0);
            assertThat(body.getString("data.product.variants.pageInfo.startCursor"))
                    .isEqualTo(body.getString("data.product.variants.edges[0].cursor"));
            after = body.getString("data.product.variants.pageInfo.endCursor");
            assertThat(after).isEqualTo(body.getString("data.product.variants.edges[-1].cursor"));
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(seen).isEqualTo(all);
        assertThat(store.storefront().execute(PAGE, Map.of("id", id, "first", 1)).getString("data.product.variants.edges[0].node.title"))
                .isEqualTo("S0");

        // The last page after the last cursor is empty and says so.
        JsonPath end = store.storefront().execute(PAGE, Map.of("id", id, "first", 10, "after", after));
        assertThat(end.getList("data.product.variants.nodes")).isEmpty();
        assertThat(end.getBoolean("data.product.variants.pageInfo.hasNextPage")).isFalse();
        assertThat(end.getString("data.product.variants.pageInfo.endCursor")).isNull();
    }

    @Test
    void variantPagesInAListingStayOneStatementAndLimitsAreEnforced() {
        TestStore store = TestStores.create("var-limit");
        for (int i = 0; i < 3; i++) {
            createOk(store, product("Item " + i, "ACTIVE", "1.00", "2.00", "3.00", "4.00"));
        }
        String list = "query($after: String) { products(first: 3, sortKey: TITLE) { nodes { title variants(first: 2, after: $after) { "
                + "nodes { title } pageInfo { hasNextPage endCursor } } } } }";
        store.storefront().execute(list);
        long before = SqlStatementCounter.requestTotal();
        JsonPath first = store.storefront().uncached().execute(list); // uncached path
        long firstCount = SqlStatementCounter.requestTotal() - before;
        assertThat(first.getList("data.products.nodes[0].variants.nodes.title")).containsExactly("S0", "S1");
        assertThat(first.getList("data.products.nodes.variants.pageInfo.hasNextPage")).containsExactly(true, true, true);
        String cursor = first.getString("data.products.nodes[0].variants.pageInfo.endCursor");

        before = SqlStatementCounter.requestTotal();
        JsonPath second = store.storefront().uncached().execute(list, Map.of("after", cursor));
        assertThat(SqlStatementCounter.requestTotal() - before).isEqualTo(firstCount);
        assertThat(second.getList("errors")).as(second.prettify()).isNull();
        assertThat(second.getList("data.products.nodes[0].variants.nodes.title")).containsExactly("S2", "S3");
        assertThat(second.getBoolean("data.products.nodes[0].variants.pageInfo.hasNextPage")).isFalse();

        JsonPath tooMany = store.storefront().execute("{ products(first: 1) { nodes { variants(first: 101) { nodes { id } } } } }");
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        JsonPath badCursor = store.storefront().execute(list, Map.of("after", "bm90LWEtY3Vyc29y"));
        assertThat(badCursor.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        String productCursor = store.storefront().execute("{ products(first: 1) { edges { cursor } } }").getString("data.products.edges[0].cursor");
        assertThat(store.storefront().execute(list, Map.of("after", productCursor)).getString("errors[0].extensions.code"))
                .isEqualTo("BAD_REQUEST");
    }
}
