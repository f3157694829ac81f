package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Stems with prefixes, typo tolerance, accent folding, translations in their locale, symbols; predictive search. */
@QuarkusTest
class SearchQualityTest {

    static final String SEARCH = "query($q: String!, $locale: String) { search(query: $q, first: 20, locale: $locale) { "
            + "products { nodes { title } } } }";

    @Test
    void pluralsTyposAccentsAndTranslationsAreFound() {
        TestStore store = TestStores.create("search-quality");
        createOk(store, product("Linen Shirt", "ACTIVE", "20.00"));
        createOk(store, product("Leather Belt", "ACTIVE", "30.00"));
        createOk(store, product("Crème Brûlée Candle", "ACTIVE", "12.00"));
        Map<String, Object> running = product("Running Shoes", "ACTIVE", "90.00");
        createOk(store, running);
        String mug = createOk(store, product("Stoneware Mug", "ACTIVE", "15.00"));
        JsonPath translated = store.owner().execute("mutation($id: ID!, $t: [TranslationInput!]!) { productTranslationsSet(productId: $id, "
                + "translations: $t) { userErrors { field code message } } }", Map.of("id", mug, "t",
                List.of(Map.of("locale", "fr", "title", "Tasse en grès", "description", "Une tasse émaillée pour le café du matin."))));
        assertThat(translated.getList("data.productTranslationsSet.userErrors")).as(translated.prettify()).isEmpty();

        GraphQL shopper = store.storefront();
        // Stemming (English, the store's language) together with prefixes.
        assertThat(titles(shopper, "shirts", null)).containsExactly("Linen Shirt");
        assertThat(titles(shopper, "shi", null)).containsExactly("Linen Shirt");
        assertThat(titles(shopper, "runni", null)).containsExactly("Running Shoes");
        assertThat(titles(shopper, "runs", null)).containsExactly("Running Shoes");
        // Typo tolerance: when the words match nothing, titles within trigram distance do.
        assertThat(titles(shopper, "shrit", null)).first().isEqualTo("Linen Shirt");
        assertThat(titles(shopper, "lether", null)).first().isEqualTo("Leather Belt");
        // ... but never when the words match something.
        assertThat(titles(shopper, "shirt", null)).containsExactly("Linen Shirt");
        // Accent folding both ways.
        assertThat(titles(shopper, "creme", null)).containsExactly("Crème Brûlée Candle");
        assertThat(titles(shopper, "BRULEE", null)).containsExactly("Crème Brûlée Candle");
        assertThat(titles(shopper, "crème", null)).containsExactly("Crème Brûlée Candle");
        // A French query finds the French-translated product in its locale (stemmed in French: "tasses"),
        // shown in French; without the locale the base texts only are searched.
        assertThat(titles(shopper, "tasses", "fr")).containsExactly("Tasse en grès");
        assertThat(titles(shopper, "gres", "fr-CA")).containsExactly("Tasse en grès");
        assertThat(titles(shopper, "émaillée", "fr")).containsExactly("Tasse en grès");
        assertThat(titles(shopper, "mug", "fr")).containsExactly("Tasse en grès");
        assertThat(titles(shopper, "tasse", null)).doesNotContain("Stoneware Mug");
    }

    @Test
    void symbolsAreWordBoundariesAndShortWordsAreWholeWords() {
        TestStore store = TestStores.create("search-symbols");
        createOk(store, product("C++ Primer", "ACTIVE", "40.00"));
        createOk(store, product("Cotton Cap", "ACTIVE", "10.00"));
        createOk(store, product("Cast Iron Pan", "ACTIVE", "50.00"));
        GraphQL shopper = store.storefront();
        assertThat(titles(shopper, "c++", null)).containsExactly("C++ Primer");
        assertThat(titles(shopper, "c#", null)).containsExactly("C++ Primer");
        assertThat(titles(shopper, "c", null)).containsExactly("C++ Primer");
        assertThat(titles(shopper, "co", null)).containsExactly("Cotton Cap");
        assertThat(titles(shopper, "***", null)).isEmpty();
    }

    @Test
    void predictiveSearchSuggestsProductsCollectionsAndQueries() {
        TestStore store = TestStores.create("predictive");
        TestStore other = TestStores.create("predictive-other");
        String shirt = createOk(store, product("Linen Shirt", "ACTIVE", "20.00"));
        createOk(store, product("Oxford Shirt", "ACTIVE", "25.00"));
        createOk(store, product("Shield Badge", "ACTIVE", "5.00"));
        createOk(store, product("Hidden Shirt", "DRAFT", "5.00"));
        createOk(other, product("Foreign Shirt", "ACTIVE", "5.00"));
        CatalogFixtures.collection(store, "Shirts and Tops", List.of(shirt));
        CatalogFixtures.collection(store, "Mugs", List.of());

        String query = "query($q: String!, $first: Int) { predictiveSearch(query: $q, first: $first) { products { title } "
                + "collections { title } queries { text } } }";
        JsonPath body = store.storefront().execute(query, Map.of("q", "linen sh", "first", 5));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.predictiveSearch.products.title")).containsExactly("Linen Shirt");
        assertThat(body.getList("data.predictiveSearch.queries.text")).containsExactly("linen shirt");

        JsonPath shi = store.storefront().execute(query, Map.of("q", "Shi", "first", 5));
        assertThat(shi.getList("data.predictiveSearch.products.title")).containsExactlyInAnyOrder("Linen Shirt", "Oxford Shirt", "Shield Badge");
        assertThat(shi.getList("data.predictiveSearch.collections.title")).containsExactly("Shirts and Tops");
        // "shirt" is in two visible titles, "shield" in one; the draft and the other store's product are not counted.
        assertThat(shi.getList("data.predictiveSearch.queries.text")).containsExactly("shirt", "shield");
        assertThat(shi.prettify()).doesNotContain("Hidden", "Foreign");

        assertThat(store.storefront().execute(query, Map.of("q", "Shi", "first", 1)).getList("data.predictiveSearch.products")).hasSize(1);
        JsonPath blank = store.storefront().execute(query, Map.of("q", "  ?! ", "first", 5));
        assertThat(blank.getList("data.predictiveSearch.products")).isEmpty();
        assertThat(blank.getList("data.predictiveSearch.queries")).isEmpty();
        JsonPath tooMany = store.storefront().execute(query, Map.of("q", "shi", "first", 26));
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(store.storefront().execute(query, Map.of("q", "shi", "first", 0)).getString("errors[0].extensions.code"))
                .isEqualTo("LIMIT_EXCEEDED");

        long before = SqlStatementCounter.requestTotal();
        store.storefront().uncached().execute(query, Map.of("q", "shi", "first", 5));
        long used = SqlStatementCounter.requestTotal() - before;
        System.out.println("predictiveSearch statements: " + used);
        assertThat(used).isEqualTo(3);
    }

    static List<String> titles(GraphQL client, String query, String locale) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("q", query);
        variables.put("locale", locale);
        JsonPath body = client.execute(SEARCH, variables);
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body.getList("data.search.products.nodes.title");
    }
}
