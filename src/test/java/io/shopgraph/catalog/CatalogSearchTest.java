package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.collection;
import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Storefront search over PostgreSQL full-text search: ranking, prefixes, facets, visibility, paging, hostile input. */
@QuarkusTest
class CatalogSearchTest {

    static final String SEARCH = "query($q: String!, $first: Int, $after: String, $last: Int, $before: String, "
            + "$filter: ProductFilter, $sortKey: ProductSortKey) { search(query: $q, first: $first, after: $after, last: $last, "
            + "before: $before, filter: $filter, sortKey: $sortKey) { totalCount products { edges { cursor node { title } } "
            + "nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } "
            + "facets { kinds { value count } tags { value count } vendors { value count } availability { available unavailable } "
            + "priceRanges { minPrice { amount currencyCode } maxPrice { amount } count } } } }";

    @Test
    void titleMatchesRankAboveTagMatchesAboveDescriptionMatches() {
        TestStore store = TestStores.create("search-rank");
        Map<String, Object> description = product("Plain Cap", "ACTIVE", "9.00");
        description.put("description", "Goes with any shirt.");
        Map<String, Object> tag = product("Summer Top", "ACTIVE", "9.00");
        tag.put("tags", List.of("shirt"));
        createOk(store, description); // created first: ties would put it first, ranking must not
        createOk(store, tag);
        createOk(store, product("Linen Shirt", "ACTIVE", "9.00"));
        createOk(store, product("Stoneware Mug", "ACTIVE", "9.00"));

        assertThat(titles(store.storefront(), "shirt")).containsExactly("Linen Shirt", "Summer Top", "Plain Cap");
        // The same order through products(filter: {query}, sortKey: RELEVANCE).
        JsonPath listed = store.storefront().execute(CatalogStorefrontTest.LIST,
                Map.of("first", 10, "filter", Map.of("query", "shirt"), "sortKey", "RELEVANCE"));
        assertThat(listed.getList("errors")).as(listed.prettify()).isNull();
        assertThat(listed.getList("data.products.nodes.title")).containsExactly("Linen Shirt", "Summer Top", "Plain Cap");
        JsonPath reversed = store.storefront().execute(CatalogStorefrontTest.LIST,
                Map.of("first", 10, "filter", Map.of("query", "shirt"), "sortKey", "RELEVANCE", "reverse", true));
        assertThat(reversed.getList("data.products.nodes.title")).containsExactly("Plain Cap", "Summer Top", "Linen Shirt");
    }

    @Test
    void everyWordMatchesAsAPrefixForTypeAhead() {
        TestStore store = TestStores.create("search-prefix");
        createOk(store, product("Linen Shirt", "ACTIVE", "9.00"));
        createOk(store, product("Linen Trousers", "ACTIVE", "9.00"));
        createOk(store, product("Shield Badge", "ACTIVE", "9.00"));

        assertThat(titles(store.storefront(), "shi")).containsExactlyInAnyOrder("Linen Shirt", "Shield Badge");
        assertThat(titles(store.storefront(), "SHIR")).containsExactly("Linen Shirt");
        assertThat(titles(store.storefront(), "lin shi")).containsExactly("Linen Shirt");
        assertThat(titles(store.storefront(), "linen, trou")).containsExactly("Linen Trousers");
        // Stems in the store's language (English here) go with the prefixes: the plural finds the singular.
        assertThat(titles(store.storefront(), "shirts")).containsExactly("Linen Shirt");
        // The products filter uses the same full-text match.
        assertThat(store.storefront().execute(CatalogStorefrontTest.LIST, Map.of("first", 10, "filter", Map.of("query", "shi"),
                "sortKey", "TITLE")).getList("data.products.nodes.title")).containsExactly("Linen Shirt", "Shield Badge");
    }

    @Test
    void facetsCountTheMatchingVisibleProductsOfTheStore() {
        TestStore store = TestStores.create("search-facets");
        TestStore other = TestStores.create("search-facets-other");
        createOk(store, glow("Glow Lamp", "PHYSICAL", "Lumen", List.of("home", "light"), true, "20.00"));
        createOk(store, glow("Glow Candle", "PHYSICAL", "Lumen", List.of("home"), true, "8.00", "12.00"));
        createOk(store, glow("Glow Guide", "DIGITAL", "Inkwell", List.of("book", "light"), true, "5.00"));
        createOk(store, glow("Glow Workshop", "SERVICE", "", List.of(), false, "120.00"));
        createOk(store, glow("Glow Gift Card", "GIFT_CARD", "Lumen", List.of("gift"), true, "600.00"));
        createOk(store, glow("Plain Mug", "PHYSICAL", "Lumen", List.of("home"), true, "15.00")); // does not match
        createHidden(store, "Glow");
        createOk(other, glow("Glow Foreign", "PHYSICAL", "Lumen", List.of("home"), true, "20.00"));

        JsonPath body = search(store.storefront(), Map.of("q", "glow", "first", 100));
        assertThat(body.getList("data.search.products.nodes.title")).containsExactlyInAnyOrder(
                "Glow Lamp", "Glow Candle", "Glow Guide", "Glow Workshop", "Glow Gift Card");
        assertThat(body.getInt("data.search.totalCount")).isEqualTo(5);
        assertThat(pairs(body, "kinds")).containsExactly("PHYSICAL=2", "DIGITAL=1", "GIFT_CARD=1", "SERVICE=1");
        assertThat(pairs(body, "tags")).containsExactly("home=2", "light=2", "book=1", "gift=1");
        assertThat(pairs(body, "vendors")).containsExactly("Lumen=3", "Inkwell=1");
        assertThat(body.getInt("data.search.facets.availability.available")).isEqualTo(4);
        assertThat(body.getInt("data.search.facets.availability.unavailable")).isEqualTo(1);
        // The candle (8.00-12.00) overlaps two ranges; empty ranges are left out.
        assertThat(priceRanges(body)).containsExactly("0.00-9.99=2", "10.00-24.99=2", "100.00-249.99=1", "500.00-null=1");
        assertThat(body.getString("data.search.facets.priceRanges[0].minPrice.currencyCode")).isEqualTo("EUR");

        // Each price range finds, as a filter, exactly the products it counted.
        List<Map<String, Object>> ranges = body.getList("data.search.facets.priceRanges");
        for (Map<String, Object> range : ranges) {
            Map<String, Object> filter = new HashMap<>();
            filter.put("minPrice", ((Map<?, ?>) range.get("minPrice")).get("amount"));
            if (range.get("maxPrice") != null) {
                filter.put("maxPrice", ((Map<?, ?>) range.get("maxPrice")).get("amount"));
            }
            JsonPath narrowed = search(store.storefront(), Map.of("q", "glow", "filter", filter));
            assertThat(narrowed.getInt("data.search.totalCount")).as(filter.toString()).isEqualTo(range.get("count"));
        }

        // Counts are disjunctive: each group follows every other group of the filter (kind PHYSICAL here), not its own.
        JsonPath physical = search(store.storefront(), Map.of("q", "glow", "filter", Map.of("kinds", List.of("PHYSICAL"))));
        assertThat(physical.getInt("data.search.totalCount")).isEqualTo(2);
        assertThat(pairs(physical, "kinds")).containsExactly("PHYSICAL=2", "DIGITAL=1", "GIFT_CARD=1", "SERVICE=1");
        assertThat(pairs(physical, "tags")).containsExactly("home=2", "light=1");
        assertThat(pairs(physical, "vendors")).containsExactly("Lumen=2");
        assertThat(priceRanges(physical)).containsExactly("0.00-9.99=1", "10.00-24.99=2");
        JsonPath unavailable = search(store.storefront(), Map.of("q", "glow", "filter", Map.of("available", false)));
        assertThat(unavailable.getList("data.search.products.nodes.title")).containsExactly("Glow Workshop");
        assertThat(unavailable.getInt("data.search.totalCount")).isEqualTo(1);
        assertThat(unavailable.getInt("data.search.facets.availability.available")).isEqualTo(4);

        // A merchant counts every status; the other store counts only its own.
        assertThat(search(store.owner(), Map.of("q", "glow")).getInt("data.search.totalCount")).isEqualTo(8);
        JsonPath foreign = search(other.storefront(), Map.of("q", "glow"));
        assertThat(foreign.getList("data.search.products.nodes.title")).containsExactly("Glow Foreign");
        assertThat(pairs(foreign, "vendors")).containsExactly("Lumen=1");
    }

    @Test
    void hiddenAndForeignProductsAreNeverFoundOrCountedThroughAnyPath() {
        TestStore store = TestStores.create("search-vis");
        TestStore other = TestStores.create("search-vis-other");
        String visible = createOk(store, product("Zephyr Visible", "ACTIVE", "10.00"));
        List<String> all = new ArrayList<>(createHidden(store, "Zephyr"));
        all.add(visible);
        createOk(other, product("Zephyr Foreign", "ACTIVE", "10.00"));
        String shelf = collection(store, "Zephyr Shelf", all);

        for (String sortKey : List.of("RELEVANCE", "ID", "TITLE", "PRICE", "CREATED_AT", "BEST_SELLING")) {
            for (Map<String, Object> filter : List.of(Map.<String, Object>of(), Map.<String, Object>of("collectionId", shelf),
                    Map.<String, Object>of("kinds", List.of("PHYSICAL"), "vendors", List.of("Acme")))) {
                JsonPath body = search(store.storefront(), Map.of("q", "zeph", "filter", filter, "sortKey", sortKey, "first", 100));
                assertThat(body.getList("data.search.products.nodes.title")).as(sortKey + " " + filter).containsExactly("Zephyr Visible");
                assertThat(body.getInt("data.search.totalCount")).isEqualTo(1);
                assertThat(pairs(body, "vendors")).containsExactly("Acme=1");
                assertThat(priceRanges(body)).containsExactly("10.00-24.99=1");
            }
        }
        JsonPath backward = search(store.storefront(), Map.of("q", "zephyr", "last", 100));
        assertThat(backward.getList("data.search.products.nodes.title")).containsExactly("Zephyr Visible");
        JsonPath nested = store.storefront().execute("query($c: String) { collection(handle: \"zephyr-shelf\") { products(first: 100, "
                + "filter: {query: \"zephyr\", collectionId: $c}, sortKey: RELEVANCE) { nodes { title } } } }", Map.of("c", shelf));
        assertThat(nested.getList("data.collection.products.nodes.title")).as(nested.prettify()).containsExactly("Zephyr Visible");
    }

    @Test
    void relevanceWithoutAQueryIsRefused() {
        TestStore store = TestStores.create("search-norel");
        String anything = createOk(store, product("Anything", "ACTIVE", "1.00"));
        for (Map<String, Object> vars : List.of(Map.<String, Object>of("first", 5, "sortKey", "RELEVANCE"),
                Map.<String, Object>of("first", 5, "sortKey", "RELEVANCE", "filter", Map.of("query", "   ")))) {
            JsonPath body = store.storefront().execute(CatalogStorefrontTest.LIST, vars);
            assertThat(body.getString("errors[0].extensions.code")).as(body.prettify()).isEqualTo("BAD_REQUEST");
        }
        JsonPath nested = store.storefront().execute("{ collections(first: 1) { nodes { products(sortKey: RELEVANCE) { nodes { id } } } } }");
        assertThat(nested.getList("errors")).as("no collection, nothing resolved").isNull();
        collection(store, "Shelf", List.of(anything));
        JsonPath refused = store.storefront().execute("{ collections(first: 1) { nodes { products(sortKey: RELEVANCE) { nodes { id } } } } }");
        assertThat(refused.getString("errors[0].extensions.code")).as(refused.prettify()).isEqualTo("BAD_REQUEST");
        JsonPath collectionDefault = search(store.storefront(), Map.of("q", "anything", "sortKey", "COLLECTION_DEFAULT"));
        assertThat(collectionDefault.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void searchResultsPageForwardAndBackwardWithStableCursors() {
        TestStore store = TestStores.create("search-pages");
        // Three rank levels with ties inside each: 4 title matches, 2 tag matches, 1 description match.
        for (int i = 0; i < 4; i++) {
            createOk(store, product("Quokka Plush " + i, "ACTIVE", "5.00"));
        }
        for (int i = 0; i < 2; i++) {
            Map<String, Object> tagged = product("Soft Toy " + i, "ACTIVE", "5.00");
            tagged.put("tags", List.of("quokka"));
            createOk(store, tagged);
        }
        Map<String, Object> described = product("Picture Book", "ACTIVE", "5.00");
        described.put("description", "A story about a quokka.");
        createOk(store, described);
        createOk(store, product("Unrelated", "ACTIVE", "5.00"));

        JsonPath whole = search(store.storefront(), Map.of("q", "quokka", "first", 100));
        List<String> all = whole.getList("data.search.products.nodes.title");
        assertThat(all).hasSize(7);
        assertThat(all.subList(0, 4)).allMatch(t -> t.startsWith("Quokka Plush"));
        assertThat(all.subList(4, 6)).allMatch(t -> t.startsWith("Soft Toy"));
        assertThat(all.get(6)).isEqualTo("Picture Book");

        List<String> forward = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            Map<String, Object> vars = new HashMap<>(Map.of("q", "quokka", "first", 3));
            if (after != null) {
                vars.put("after", after);
            }
            JsonPath page = search(store.storefront(), vars);
            forward.addAll(page.getList("data.search.products.nodes.title"));
            assertThat(page.getBoolean("data.search.products.pageInfo.hasPreviousPage")).isEqualTo(after != null);
            more = page.getBoolean("data.search.products.pageInfo.hasNextPage");
            after = page.getString("data.search.products.pageInfo.endCursor");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(forward).isEqualTo(all);

        List<String> backward = new ArrayList<>();
        String before = null;
        more = true;
        while (more) {
            Map<String, Object> vars = new HashMap<>(Map.of("q", "quokka", "last", 3));
            if (before != null) {
                vars.put("before", before);
            }
            JsonPath page = search(store.storefront(), vars);
            List<String> titles = page.getList("data.search.products.nodes.title");
            backward.addAll(0, titles);
            assertThat(page.getBoolean("data.search.products.pageInfo.hasNextPage")).isEqualTo(before != null);
            more = page.getBoolean("data.search.products.pageInfo.hasPreviousPage");
            before = page.getString("data.search.products.pageInfo.startCursor");
        }
        assertThat(backward).isEqualTo(all);

        // A cursor in the middle of a tie resumes exactly after its product, and belongs to RELEVANCE only.
        List<String> cursors = whole.getList("data.search.products.edges.cursor");
        JsonPath resumed = search(store.storefront(), Map.of("q", "quokka", "first", 100, "after", cursors.get(1)));
        assertThat(resumed.getList("data.search.products.nodes.title")).isEqualTo(all.subList(2, 7));
        JsonPath resumedBack = search(store.storefront(), Map.of("q", "quokka", "last", 100, "before", cursors.get(5)));
        assertThat(resumedBack.getList("data.search.products.nodes.title")).isEqualTo(all.subList(0, 5));
        JsonPath otherSort = search(store.storefront(), Map.of("q", "quokka", "first", 3, "after", cursors.get(1), "sortKey", "TITLE"));
        assertThat(otherSort.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        JsonPath tooMany = search(store.storefront(), Map.of("q", "quokka", "first", 101));
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void hostileOrEmptyQueriesAnswerWithoutErrors() {
        TestStore store = TestStores.create("search-hostile");
        createOk(store, product("Linen Shirt", "ACTIVE", "9.00"));
        Map<String, Object> tagged = product("Odd Tag", "ACTIVE", "9.00");
        tagged.put("tags", List.of("c++"));
        createOk(store, tagged);

        List<String> hostile = List.of("'", "''", "\"shirt\"", "shirt'", "shirt & | !", "&", "|", "!", "!shirt", ":*", "shirt:*",
                "shi:* | mug", "(", ")", "((shirt", "shirt)", "\\", "\\\\", "shirt\\", "a\\:*b", "<->", "shirt <-> linen", "<2>",
                "%", "_", "*", "--", "'; drop table catalog.product; --", "\u0301", "日本語", "é", "x".repeat(5000),
                "shirt ".repeat(200), "!!!", "   ", "", "c++");
        for (String q : hostile) {
            JsonPath body = search(store.storefront(), Map.of("q", q, "first", 10));
            assertThat(body.getList("errors")).as("search %s: %s", q, body.prettify()).isNull();
            JsonPath listed = store.storefront().execute(CatalogStorefrontTest.LIST,
                    Map.of("first", 10, "filter", Map.of("query", q), "sortKey", q.isBlank() ? "ID" : "RELEVANCE"));
            assertThat(listed.getList("errors")).as("products %s: %s", q, listed.prettify()).isNull();
        }
        // NUL is refused in every string of every request (issue 8), with the variable named.
        JsonPath nul = search(store.storefront(), Map.of("q", "shirt\u0000", "first", 10));
        assertThat(nul.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(nul.getString("errors[0].message")).contains("'q'");
        assertThat(titles(store.storefront(), "\"shirt\"")).containsExactly("Linen Shirt");
        assertThat(titles(store.storefront(), "(shi)")).containsExactly("Linen Shirt");
        assertThat(titles(store.storefront(), "!!!")).isEmpty();
        // A blank query does not filter by text: every visible product, in id order.
        assertThat(titles(store.storefront(), "")).containsExactly("Linen Shirt", "Odd Tag");
        assertThat(search(store.storefront(), Map.of("q", "")).getInt("data.search.totalCount")).isEqualTo(2);
        // "c++" is the word "c" (whole, not a prefix) or the tag: not everything starting with a c.
        createOk(store, product("Cotton Cap", "ACTIVE", "9.00"));
        assertThat(titles(store.storefront(), "c++")).containsExactly("Odd Tag");
        // A tag equal to the text still matches, even when the text has no searchable word of its own.
        assertThat(titles(store.storefront(), "c++")).contains("Odd Tag");
    }

    @Test
    void aSearchWithFacetsRunsTwoStatementsWhateverThePageSize() {
        TestStore store = TestStores.create("search-count");
        for (int i = 0; i < 30; i++) {
            Map<String, Object> input = product("Counted Shirt " + i, "ACTIVE", "1.00", "30.00");
            input.put("tags", List.of("tag" + (i % 4)));
            createOk(store, input);
        }
        String document = new String(readBench());
        store.storefront().execute(document, Map.of("query", "shirt"));

        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(document, Map.of("query", "shirt")); // uncached path
        long bench = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.search.products.nodes")).hasSize(24);
        assertThat(body.getInt("data.search.totalCount")).isEqualTo(30);

        before = SqlStatementCounter.requestTotal();
        search(store.storefront().uncached(), Map.of("q", "shirt", "first", 5));
        long small = SqlStatementCounter.requestTotal() - before;
        before = SqlStatementCounter.requestTotal();
        JsonPath onlyProducts = store.storefront().uncached().execute("{ search(query: \"shirt\", first: 100) { products { nodes { id } } } }");
        long productsOnly = SqlStatementCounter.requestTotal() - before;
        assertThat(onlyProducts.getList("data.search.products.nodes")).hasSize(30);

        before = SqlStatementCounter.requestTotal();
        JsonPath onlyCount = store.storefront().uncached().execute("{ search(query: \"shirt\") { totalCount } }");
        long countOnly = SqlStatementCounter.requestTotal() - before;
        assertThat(onlyCount.getInt("data.search.totalCount")).isEqualTo(30);

        System.out.println("search statements: bench=" + bench + " first:5=" + small + " products only=" + productsOnly
                + " totalCount only=" + countOnly);
        assertThat(bench).isEqualTo(2);
        assertThat(small).isEqualTo(2);
        assertThat(productsOnly).isEqualTo(1);
        assertThat(countOnly).isEqualTo(1);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static byte[] readBench() {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("bench/queries/search.graphql"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> glow(String title, String kind, String vendor, List<String> tags, boolean available, String... prices) {
        Map<String, Object> input = product(title, "ACTIVE", prices);
        input.put("kind", kind);
        input.put("vendor", vendor);
        input.put("tags", tags);
        if (!available) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> variants = (List<Map<String, Object>>) input.get("variants");
            variants.forEach(v -> v.put("inventoryQuantity", 0));
        }
        return input;
    }

    /** A draft, an archived and a future-published product whose titles start with the word. */
    static List<String> createHidden(TestStore store, String word) {
        Map<String, Object> future = product(word + " Future", "ACTIVE", "20.00");
        future.put("publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        return List.of(createOk(store, product(word + " Draft", "DRAFT", "20.00")),
                createOk(store, product(word + " Archived", "ARCHIVED", "20.00")), createOk(store, future));
    }

    static JsonPath search(GraphQL client, Map<String, Object> variables) {
        return client.execute(SEARCH, variables);
    }

    static List<String> titles(GraphQL client, String query) {
        JsonPath body = search(client, Map.of("q", query, "first", 100));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body.getList("data.search.products.nodes.title");
    }

    static List<String> pairs(JsonPath body, String facet) {
        List<Map<String, Object>> values = body.getList("data.search.facets." + facet);
        return values == null ? Collections.emptyList() : values.stream().map(v -> v.get("value") + "=" + v.get("count")).toList();
    }

    static List<String> priceRanges(JsonPath body) {
        List<Map<String, Object>> ranges = body.getList("data.search.facets.priceRanges");
        return ranges.stream().map(r -> ((Map<?, ?>) r.get("minPrice")).get("amount") + "-"
                + (r.get("maxPrice") == null ? "null" : ((Map<?, ?>) r.get("maxPrice")).get("amount")) + "=" + r.get("count")).toList();
    }
}
