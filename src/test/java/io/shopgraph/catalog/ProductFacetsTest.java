package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.createOk;
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

/**
 * Facets on every product list (products, collection.products, search), disjunctive, against a fixture
 * counted by hand; filters by option; totalCount; statements.
 */
@QuarkusTest
class ProductFacetsTest {

    static final String FACETS = "totalCount facets { kinds { value count } tags { value count } vendors { value count } "
            + "availability { available unavailable } priceRanges { minPrice { amount } count } options { name values { value count } } }";

    /**
     * The hand-counted fixture (EUR):
     * <pre>
     * Alpha Tee     Acme    PHYSICAL  summer        Size S 10.00, M 12.00        (options declared S, M, L)
     * Beta Tee      Bolt    PHYSICAL  summer, sale  Size M 30.00, L 30.00        (declared M, L)
     * Gamma Hoodie  Acme    PHYSICAL  winter        Size L 60.00, sold out       (declared L)
     * Delta Ebook   Cobalt  DIGITAL   sale          no options, 5.00
     * Epsilon Tee   Bolt    PHYSICAL  summer        Size S 8.00                  (declared S)
     * </pre>
     * Collection "Tees": Alpha, Beta, Gamma, Epsilon.
     */
    static String fixture(TestStore store) {
        String a = createOk(store, sized("Alpha Tee", "Acme", List.of("summer"), List.of("S", "M", "L"), Map.of("S", "10.00", "M", "12.00"), 5));
        String b = createOk(store, sized("Beta Tee", "Bolt", List.of("summer", "sale"), List.of("M", "L"), Map.of("M", "30.00", "L", "30.00"), 5));
        String c = createOk(store, sized("Gamma Hoodie", "Acme", List.of("winter"), List.of("L"), Map.of("L", "60.00"), 0));
        Map<String, Object> ebook = CatalogFixtures.product("Delta Ebook", "ACTIVE", "5.00");
        ebook.put("vendor", "Cobalt");
        ebook.put("kind", "DIGITAL");
        ebook.put("tags", List.of("sale"));
        createOk(store, ebook);
        String e = createOk(store, sized("Epsilon Tee", "Bolt", List.of("summer"), List.of("S"), Map.of("S", "8.00"), 5));
        return CatalogFixtures.collection(store, "Tees", List.of(a, b, c, e));
    }

    static Map<String, Object> sized(String title, String vendor, List<String> tags, List<String> declared, Map<String, String> prices,
            int stock) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("status", "ACTIVE");
        input.put("vendor", vendor);
        input.put("tags", tags);
        input.put("options", List.of(Map.of("name", "Size", "values", declared)));
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String size : declared) {
            if (prices.containsKey(size)) {
                variants.add(Map.of("optionValues", List.of(size), "price", prices.get(size), "inventoryQuantity", stock));
            }
        }
        input.put("variants", variants);
        return input;
    }

    @Test
    void countsAreDisjunctiveOnEveryListAndMatchTheHandCount() {
        TestStore store = TestStores.create("facets-dj");
        String tees = fixture(store);
        Map<String, Object> filter = Map.of("vendors", List.of("Acme", "Bolt"),
                "variantOptions", List.of(Map.of("name", "Size", "value", "M")));

        // products: vendor Acme or Bolt, and size M -> Alpha, Beta.
        JsonPath listed = execute(store, "query($f: ProductFilter) { products(first: 10, filter: $f, sortKey: TITLE) { nodes { title } "
                + FACETS + " } }", Map.of("f", filter));
        String at = "data.products";
        assertThat(listed.getList(at + ".nodes.title")).containsExactly("Alpha Tee", "Beta Tee");
        assertThat(listed.getInt(at + ".totalCount")).isEqualTo(2);
        // Vendors with size M applied but not the vendor filter: Acme (Alpha), Bolt (Beta); Cobalt has no M.
        assertThat(pairs(listed, at + ".facets.vendors")).containsExactly("Acme=1", "Bolt=1");
        // Sizes with the vendor filter but not the size filter (Alpha, Beta, Gamma, Epsilon), in display order.
        assertThat(listed.getString(at + ".facets.options[0].name")).isEqualTo("Size");
        assertThat(pairs(listed, at + ".facets.options[0].values")).containsExactly("S=2", "M=2", "L=2");
        // Every other group with both filters: Alpha and Beta.
        assertThat(pairs(listed, at + ".facets.kinds")).containsExactly("PHYSICAL=2");
        assertThat(pairs(listed, at + ".facets.tags")).containsExactly("summer=2", "sale=1");
        assertThat(listed.getInt(at + ".facets.availability.available")).isEqualTo(2);
        assertThat(listed.getInt(at + ".facets.availability.unavailable")).isZero();
        assertThat(ranges(listed, at)).containsExactly("10.00=1", "25.00=1");

        // Without a filter: the whole store.
        JsonPath all = execute(store, "{ products(first: 1) { " + FACETS + " } }", Map.of());
        assertThat(all.getInt("data.products.totalCount")).isEqualTo(5);
        assertThat(pairs(all, "data.products.facets.vendors")).containsExactly("Acme=2", "Bolt=2", "Cobalt=1");
        assertThat(pairs(all, "data.products.facets.options[0].values")).containsExactly("S=2", "M=2", "L=2");
        assertThat(pairs(all, "data.products.facets.kinds")).containsExactly("PHYSICAL=4", "DIGITAL=1");
        assertThat(all.getInt("data.products.facets.availability.unavailable")).isEqualTo(1);
        assertThat(ranges(all, "data.products")).containsExactly("0.00=2", "10.00=1", "25.00=1", "50.00=1");

        // Two groups chosen: vendor Bolt and availability true; plus size S and L (OR inside the group).
        Map<String, Object> two = Map.of("vendors", List.of("Bolt"), "available", true,
                "variantOptions", List.of(Map.of("name", "Size", "value", "S"), Map.of("name", "Size", "value", "L")));
        JsonPath narrowed = execute(store, "query($f: ProductFilter) { products(first: 10, filter: $f, sortKey: TITLE) { nodes { title } "
                + FACETS + " } }", Map.of("f", two));
        // Bolt, available, size S or L: Beta (L), Epsilon (S).
        assertThat(narrowed.getList("data.products.nodes.title")).containsExactly("Beta Tee", "Epsilon Tee");
        // Vendors: available and S-or-L, any vendor: Alpha (S), Beta, Epsilon -> Acme 1, Bolt 2 (Gamma is sold out).
        assertThat(pairs(narrowed, "data.products.facets.vendors")).containsExactly("Bolt=2", "Acme=1");
        // Availability: Bolt and S-or-L, any availability: Beta, Epsilon available; none sold out.
        assertThat(narrowed.getInt("data.products.facets.availability.available")).isEqualTo(2);
        assertThat(narrowed.getInt("data.products.facets.availability.unavailable")).isZero();
        // Sizes: Bolt and available, any size: Beta (M, L), Epsilon (S).
        assertThat(pairs(narrowed, "data.products.facets.options[0].values")).containsExactly("S=1", "M=1", "L=1");

        // collection.products: the collection's products only (no Delta Ebook), the same semantics.
        JsonPath collection = execute(store, "query($id: ID!, $f: ProductFilter) { collection(id: $id) { products(first: 10, filter: $f) { "
                + "nodes { title } " + FACETS + " } } }", Map.of("id", tees, "f", Map.of("vendors", List.of("Acme"))));
        at = "data.collection.products";
        assertThat(collection.getList(at + ".nodes.title")).containsExactly("Alpha Tee", "Gamma Hoodie");
        assertThat(collection.getInt(at + ".totalCount")).isEqualTo(2);
        assertThat(pairs(collection, at + ".facets.vendors")).containsExactly("Acme=2", "Bolt=2");
        assertThat(pairs(collection, at + ".facets.options[0].values")).containsExactly("S=1", "M=1", "L=1");
        assertThat(pairs(collection, at + ".facets.kinds")).containsExactly("PHYSICAL=2");

        // search: the same, and a blank query with a collection filter lists the collection (a collection page).
        JsonPath searched = execute(store, "query($f: ProductFilter) { search(query: \"\", first: 10, filter: $f) { totalCount "
                + "products { nodes { title } totalCount } facets { vendors { value count } options { name values { value count } } } } }",
                Map.of("f", Map.of("collectionId", tees, "vendors", List.of("Acme", "Bolt"), "variantOptions", List.of(Map.of("name", "Size", "value", "M")))));
        assertThat(searched.getList("data.search.products.nodes.title")).containsExactly("Alpha Tee", "Beta Tee");
        assertThat(searched.getInt("data.search.totalCount")).isEqualTo(2);
        assertThat(searched.getInt("data.search.products.totalCount")).isEqualTo(2);
        assertThat(pairs(searched, "data.search.facets.vendors")).containsExactly("Acme=1", "Bolt=1");
        assertThat(pairs(searched, "data.search.facets.options[0].values")).containsExactly("S=2", "M=2", "L=2");
        JsonPath words = execute(store, "{ search(query: \"tee\", filter: {vendors: [\"Bolt\"]}) { totalCount facets { vendors { value count } } } }",
                Map.of());
        assertThat(words.getInt("data.search.totalCount")).isEqualTo(2);
        assertThat(pairs(words, "data.search.facets.vendors")).containsExactly("Bolt=2", "Acme=1");
    }

    @Test
    void facetsCostOneStatementPerListOnlyWhenAskedAndNotMoreForLargerPages() {
        TestStore store = TestStores.create("facets-count");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(createOk(store, sized("Counted Tee " + i, i % 2 == 0 ? "Acme" : "Bolt", List.of("t" + (i % 3)), List.of("S", "M"),
                    Map.of("S", "10.00", "M", "11.00"), 3)));
        }
        CatalogFixtures.collection(store, "First", ids.subList(0, 20));
        CatalogFixtures.collection(store, "Second", ids.subList(10, 30));
        String plain = "query($first: Int) { products(first: $first, filter: {vendors: [\"Acme\", \"Bolt\"]}) { nodes { id title } } }";
        String faceted = "query($first: Int) { products(first: $first, filter: {vendors: [\"Acme\", \"Bolt\"]}) { nodes { id title } "
                + FACETS + " } }";
        String collections = "query($first: Int) { collections(first: 2) { nodes { products(first: $first, "
                + "filter: {variantOptions: [{name: \"Size\", value: \"S\"}]}) { nodes { id } "
                + "totalCount facets { vendors { value count } options { name values { value count } } } } } } }"; // within the cost limit
        execute(store, faceted, Map.of("first", 1));

        long plainSmall = statements(store, plain, 5);
        long plainLarge = statements(store, plain, 30);
        long facetedSmall = statements(store, faceted, 5);
        long facetedLarge = statements(store, faceted, 30);
        long collectionsSmall = statements(store, collections, 5);
        long collectionsLarge = statements(store, collections, 20);
        System.out.println("facet statements: products first:5=" + plainSmall + " first:30=" + plainLarge + "; with facets+totalCount "
                + "first:5=" + facetedSmall + " first:30=" + facetedLarge + "; two collections with facets first:5=" + collectionsSmall
                + " first:20=" + collectionsLarge);
        assertThat(plainLarge).isEqualTo(plainSmall).isEqualTo(1);
        assertThat(facetedLarge).isEqualTo(facetedSmall).isEqualTo(plainSmall + 1);
        // collections, their products (one windowed statement), their facets (one statement for both).
        assertThat(collectionsLarge).isEqualTo(collectionsSmall).isEqualTo(3);
        JsonPath body = execute(store, collections, Map.of("first", 20));
        assertThat(body.getInt("data.collections.nodes[0].products.totalCount")).isEqualTo(20);
        assertThat(body.getInt("data.collections.nodes[1].products.totalCount")).isEqualTo(20);
        assertThat(pairs(body, "data.collections.nodes[0].products.facets.vendors")).containsExactly("Acme=10", "Bolt=10");
    }

    @Test
    void hostileFilterValuesAnswerWithoutErrors() {
        TestStore store = TestStores.create("facets-hostile");
        fixture(store);
        for (String value : List.of("'", "\u001f", "M'; drop table catalog.product; --", "%", "\\", "x".repeat(3000))) {
            JsonPath body = execute(store, "query($f: ProductFilter) { products(first: 5, filter: $f) { nodes { title } " + FACETS + " } }",
                    Map.of("f", Map.of("vendors", List.of(value), "tags", List.of(value),
                            "variantOptions", List.of(Map.of("name", value, "value", value)))));
            assertThat(body.getInt("data.products.totalCount")).isZero();
        }
    }

    private static JsonPath execute(TestStore store, String query, Map<String, Object> variables) {
        JsonPath body = store.storefront().uncached().execute(query, variables);
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body;
    }

    private static long statements(TestStore store, String query, int first) {
        long before = SqlStatementCounter.requestTotal();
        execute(store, query, Map.of("first", first));
        return SqlStatementCounter.requestTotal() - before;
    }

    static List<String> pairs(JsonPath body, String path) {
        List<Map<String, Object>> values = body.getList(path);
        return values.stream().map(v -> v.get("value") + "=" + v.get("count")).toList();
    }

    static List<String> ranges(JsonPath body, String at) {
        List<Map<String, Object>> values = body.getList(at + ".facets.priceRanges");
        return values.stream().map(v -> ((Map<?, ?>) v.get("minPrice")).get("amount") + "=" + v.get("count")).toList();
    }
}
