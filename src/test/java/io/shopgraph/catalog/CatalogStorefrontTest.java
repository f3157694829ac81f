package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.collection;
import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

@QuarkusTest
class CatalogStorefrontTest {

    static final String LIST = "query($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter, "
            + "$sortKey: ProductSortKey, $reverse: Boolean) { products(first: $first, after: $after, last: $last, before: $before, "
            + "filter: $filter, sortKey: $sortKey, reverse: $reverse) { edges { cursor node { id title handle } } "
            + "nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    @Test
    void storefrontsSeeOnlyActivePublishedProductsOfTheirStoreThroughEveryPath() {
        TestStore store = TestStores.create("cat-vis");
        TestStore other = TestStores.create("cat-vis-other");
        String visible = createOk(store, product("Visible Tee", "ACTIVE", "10.00"));
        Map<String, Object> draft = product("Hidden Draft Tee", "DRAFT", "11.00");
        Map<String, Object> archived = product("Hidden Archived Tee", "ARCHIVED", "12.00");
        Map<String, Object> future = product("Hidden Future Tee", "ACTIVE", "13.00");
        future.put("publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        List<String> hidden = List.of(createOk(store, draft), createOk(store, archived), createOk(store, future));
        String foreign = createOk(other, product("Foreign Tee", "ACTIVE", "14.00"));
        List<String> all = new ArrayList<>(hidden);
        all.add(visible);
        String tees = collection(store, "Tees", all);
        collection(other, "Tees", List.of(foreign));

        List<Map<String, Object>> filters = List.of(Map.of(), Map.of("query", "tee"), Map.of("collectionId", tees),
                Map.of("kinds", List.of("PHYSICAL")), Map.of("vendors", List.of("Acme")), Map.of("minPrice", "0", "maxPrice", "100"));
        for (Map<String, Object> filter : filters) {
            for (String sortKey : List.of("ID", "TITLE", "PRICE", "CREATED_AT", "BEST_SELLING")) {
                for (boolean reverse : List.of(false, true)) {
                    JsonPath body = store.storefront().execute(LIST, Map.of("first", 100, "filter", filter, "sortKey", sortKey, "reverse", reverse));
                    assertThat(body.getList("data.products.nodes.title")).as(filter + " " + sortKey + " " + reverse)
                            .containsExactly("Visible Tee");
                }
            }
        }
        JsonPath backward = store.storefront().execute(LIST, Map.of("last", 100));
        assertThat(backward.getList("data.products.nodes.title")).containsExactly("Visible Tee");

        for (String handle : List.of("hidden-draft-tee", "hidden-archived-tee", "hidden-future-tee", "foreign-tee")) {
            assertThat(store.storefront().execute("query($h: String) { product(handle: $h) { id } }", Map.of("h", handle))
                    .getString("data.product")).as(handle).isNull();
        }
        assertThat(store.storefront().execute("query($h: String) { product(handle: $h) { title } }", Map.of("h", "visible-tee"))
                .getString("data.product.title")).isEqualTo("Visible Tee");
        List<String> ids = new ArrayList<>(hidden);
        ids.add(foreign);
        ids.add(visible);
        JsonPath nodes = store.storefront().execute("query($ids: [String!]!) { nodes(ids: $ids) { id } }", Map.of("ids", ids));
        assertThat(nodeIds(nodes)).containsExactly(null, null, null, null, visible);
        for (String id : ids.subList(0, 4)) {
            assertThat(store.storefront().execute("query($id: ID) { product(id: $id) { id } }", Map.of("id", id))
                    .getString("data.product")).isNull();
        }
        JsonPath collectionPage = store.storefront().execute("{ collection(handle: \"tees\") { title products(first: 100) { nodes { title } } } }");
        assertThat(collectionPage.getList("data.collection.products.nodes.title")).containsExactly("Visible Tee");
        JsonPath collections = store.storefront().execute("{ collections(first: 10) { nodes { products { nodes { title } } } } }");
        assertThat(collections.getList("data.collections.nodes[0].products.nodes.title")).containsExactly("Visible Tee");

        JsonPath merchant = store.owner().execute(LIST, Map.of("first", 100));
        assertThat(merchant.getList("data.products.nodes.title")).hasSize(4).doesNotContain("Foreign Tee");
        JsonPath merchantNodes = store.owner().execute("query($ids: [String!]!) { nodes(ids: $ids) { id } }", Map.of("ids", ids));
        assertThat(nodeIds(merchantNodes)).containsExactly(hidden.get(0), hidden.get(1), hidden.get(2), null, visible);
    }

    @Test
    void variantsOfHiddenProductsAreHiddenFromNode() {
        TestStore store = TestStores.create("cat-vnode");
        JsonPath draft = CatalogFixtures.create(store, product("Draft Cap", "DRAFT", "5.00"));
        JsonPath active = CatalogFixtures.create(store, product("Active Cap", "ACTIVE", "5.00"));
        String draftVariant = draft.getString("data.productCreate.product.variants.nodes[0].id");
        String activeVariant = active.getString("data.productCreate.product.variants.nodes[0].id");

        JsonPath nodes = store.storefront().execute("query($ids: [String!]!) { nodes(ids: $ids) { id ... on ProductVariant { price { amount } } } }",
                Map.of("ids", List.of(draftVariant, activeVariant)));

        assertThat(nodeIds(nodes)).containsExactly(null, activeVariant);
        assertThat(nodes.getString("data.nodes[1].price.amount")).as(nodes.prettify()).isEqualTo("5.00");
    }

    @Test
    void productsPageForwardAndBackwardWithStableCursorsAndRefuseOver100() {
        TestStore store = TestStores.create("cat-pages");
        String[] titles = { "Echo", "alpha", "Delta", "charlie", "Bravo" };
        for (int i = 0; i < titles.length; i++) {
            createOk(store, product(titles[i], "ACTIVE", (i + 1) + ".00"));
        }
        List<String> all = store.storefront().execute(LIST, Map.of("first", 100, "sortKey", "TITLE")).getList("data.products.nodes.title");
        assertThat(all).containsExactly("alpha", "Bravo", "charlie", "Delta", "Echo");

        List<String> forward = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> vars = new HashMap<>(Map.of("first", 2, "sortKey", "TITLE"));
            if (after != null) {
                vars.put("after", after);
            }
            JsonPath page = store.storefront().execute(LIST, vars);
            forward.addAll(page.getList("data.products.nodes.title"));
            hasNext = page.getBoolean("data.products.pageInfo.hasNextPage");
            after = page.getString("data.products.pageInfo.endCursor");
        }
        assertThat(forward).isEqualTo(all);

        JsonPath lastTwo = store.storefront().execute(LIST, Map.of("last", 2, "sortKey", "TITLE"));
        assertThat(lastTwo.getList("data.products.nodes.title")).containsExactly("Delta", "Echo");
        assertThat(lastTwo.getBoolean("data.products.pageInfo.hasPreviousPage")).isTrue();
        JsonPath before = store.storefront().execute(LIST, Map.of("last", 2, "sortKey", "TITLE",
                "before", lastTwo.getString("data.products.pageInfo.startCursor")));
        assertThat(before.getList("data.products.nodes.title")).containsExactly("Bravo", "charlie");

        List<String> byPriceDesc = store.storefront().execute(LIST, Map.of("first", 3, "sortKey", "PRICE", "reverse", true))
                .getList("data.products.nodes.title");
        assertThat(byPriceDesc).containsExactly("Bravo", "charlie", "Delta");

        JsonPath tooMany = store.storefront().execute(LIST, Map.of("first", 101));
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        JsonPath wrongCursor = store.storefront().execute(LIST, Map.of("first", 2, "sortKey", "PRICE",
                "after", lastTwo.getString("data.products.pageInfo.startCursor")));
        assertThat(wrongCursor.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void moneyIsAnExactDecimalWithTheCurrencysDigits() {
        TestStore store = TestStores.create("cat-money");
        Map<String, Object> input = product("Mug", "ACTIVE", "12.5", "20");
        ((List<Map<String, Object>>) input.get("variants")).get(0).put("compareAtPrice", "15");
        createOk(store, input);

        JsonPath body = store.storefront().execute("{ product(handle: \"mug\") { priceRange { minVariantPrice { amount currencyCode } "
                + "maxVariantPrice { amount } } variants { nodes { price { amount } compareAtPrice { amount } selectedOptions { name value } "
                + "availableForSale quantityAvailable } } availableForSale } }");

        assertThat(body.getString("data.product.priceRange.minVariantPrice.amount")).isEqualTo("12.50");
        assertThat(body.getString("data.product.priceRange.minVariantPrice.currencyCode")).isEqualTo("EUR");
        assertThat(body.getString("data.product.priceRange.maxVariantPrice.amount")).isEqualTo("20.00");
        assertThat(body.getList("data.product.variants.nodes.price.amount")).containsExactly("12.50", "20.00");
        assertThat(body.getString("data.product.variants.nodes[0].compareAtPrice.amount")).isEqualTo("15.00");
        assertThat(body.getString("data.product.variants.nodes[1].compareAtPrice")).isNull();
        assertThat(body.getString("data.product.variants.nodes[0].selectedOptions[0].value")).isEqualTo("S0");
        assertThat(body.getList("data.product.variants.nodes.availableForSale")).containsExactly(true, true);
        assertThat(body.getBoolean("data.product.availableForSale")).isTrue();
    }

    @Test
    void filtersNarrowByTextKindTagVendorPriceAndCollection() {
        TestStore store = TestStores.create("cat-filter");
        Map<String, Object> ebook = product("Baking E-book", "ACTIVE", "5.00");
        ebook.put("kind", "DIGITAL");
        ebook.put("tags", List.of("Bread", "digital"));
        ebook.put("vendor", "Kiln");
        Map<String, Object> mug = product("Stoneware Mug", "ACTIVE", "12.00", "18.00");
        mug.put("tags", List.of("kitchen"));
        mug.put("description", "Holds bread crumbs too");
        Map<String, Object> tee = product("Linen Tee", "ACTIVE", "30.00");
        tee.put("tags", List.of("apparel"));
        String ebookId = createOk(store, ebook);
        String mugId = createOk(store, mug);
        createOk(store, tee);
        String kitchen = collection(store, "Kitchen", List.of(mugId, ebookId));

        assertThat(titles(store, Map.of("query", "BREAD"))).containsExactly("Baking E-book", "Stoneware Mug");
        assertThat(titles(store, Map.of("query", "100%_"))).isEmpty();
        assertThat(titles(store, Map.of("kinds", List.of("DIGITAL")))).containsExactly("Baking E-book");
        assertThat(titles(store, Map.of("tags", List.of("kitchen", "apparel")))).containsExactly("Stoneware Mug", "Linen Tee");
        assertThat(titles(store, Map.of("vendors", List.of("Kiln")))).containsExactly("Baking E-book");
        assertThat(titles(store, Map.of("minPrice", "15", "maxPrice", "29.99"))).containsExactly("Stoneware Mug");
        assertThat(titles(store, Map.of("minPrice", "18.01"))).containsExactly("Linen Tee");
        assertThat(titles(store, Map.of("collectionId", kitchen, "kinds", List.of("PHYSICAL")))).containsExactly("Stoneware Mug");
        assertThat(titles(store, Map.of("collectionId", "gid://shopgraph/Product/" + java.util.UUID.randomUUID()))).isEmpty();
        assertThat(store.storefront().execute(LIST, Map.of("first", 10, "sortKey", "PRICE")).getList("data.products.nodes.title"))
                .containsExactly("Baking E-book", "Stoneware Mug", "Linen Tee");
    }

    @Test
    void theProductsOfManyCollectionsComeInOneStatement() {
        TestStore store = TestStores.create("cat-colls");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(createOk(store, product("Thing " + i, "ACTIVE", "1.00")));
        }
        for (int c = 0; c < 5; c++) {
            collection(store, "Shelf " + c, List.of(ids.get(c), ids.get(c + 1)));
        }
        String query = "{ collections(first: 10) { nodes { handle products(first: 1) { nodes { title } pageInfo { hasNextPage } } } } }";
        store.storefront().execute(query);

        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(query); // the uncached path
        long used = SqlStatementCounter.requestTotal() - before;

        assertThat(body.getList("data.collections.nodes.products.nodes.title")).hasSize(5);
        assertThat(body.getString("data.collections.nodes[2].products.nodes[0].title")).isEqualTo("Thing 2");
        assertThat(body.getBoolean("data.collections.nodes[2].products.pageInfo.hasNextPage")).isTrue();
        assertThat(used).isEqualTo(2);
    }

    private static List<String> titles(TestStore store, Map<String, Object> filter) {
        JsonPath body = store.storefront().execute(LIST, Map.of("first", 100, "filter", filter, "sortKey", "CREATED_AT"));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body.getList("data.products.nodes.title");
    }

    static final String DEEP = "query($first: Int) { products(first: $first, sortKey: TITLE) { nodes { id title handle "
            + "featuredImage { url } priceRange { minVariantPrice { amount } } availableForSale "
            + "variants(first: 3) { nodes { id sku price { amount } quantityAvailable availableForSale selectedOptions { name value } image { url } } } "
            + "images { url altText } options { name values } collections { handle title } } } }";

    @Test
    void listingRunsTheSameFewStatementsForAnyPageSize() {
        TestStore store = TestStores.create("cat-count");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(createOk(store, product("Item " + i, "ACTIVE", "1.00", "2.00", "3.00")));
        }
        collection(store, "Everything", ids);
        collection(store, "Half", ids.subList(0, 50));
        store.storefront().execute(DEEP, Map.of("first", 1));

        long small = statements(store, 5);
        long large = statements(store, 50); // 50 products with 3 variants each: a cost of 852, under the maximum of 1000

        System.out.println("catalog listing statements: first:5=" + small + " first:50=" + large);
        assertThat(large).isEqualTo(small);
        assertThat(large).isLessThanOrEqualTo(6);
    }

    private static long statements(TestStore store, int first) {
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(DEEP, Map.of("first", first));
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.products.nodes")).hasSize(first);
        assertThat(body.getList("data.products.nodes[0].variants.nodes")).hasSize(3);
        assertThat(body.getList("data.products.nodes[0].collections")).isNotEmpty();
        return used;
    }

    static List<Object> nodeIds(JsonPath body) {
        List<Object> ids = new ArrayList<>();
        for (Object node : body.getList("data.nodes")) {
            ids.add(node == null ? null : ((Map<?, ?>) node).get("id"));
        }
        return ids;
    }
}
