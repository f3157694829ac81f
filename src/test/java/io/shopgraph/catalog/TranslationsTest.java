package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.collection;
import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Translations per locale: merchant mutations, and the `locale` argument with its fallback through nested paths. */
@QuarkusTest
class TranslationsTest {

    static final String PRODUCT_SET = "mutation($id: ID!, $t: [TranslationInput!]!) { productTranslationsSet(productId: $id, "
            + "translations: $t) { product { id title translations { locale title description descriptionHtml } } "
            + "userErrors { field code message } } }";
    static final String PRODUCT_REMOVE = "mutation($id: ID!, $l: [String!]!) { productTranslationsRemove(productId: $id, locales: $l) { "
            + "product { translations { locale title } } userErrors { field code message } } }";
    static final String COLLECTION_SET = "mutation($id: ID!, $t: [TranslationInput!]!) { collectionTranslationsSet(collectionId: $id, "
            + "translations: $t) { collection { id title translations { locale title description } } userErrors { field code message } } }";
    static final String COLLECTION_REMOVE = "mutation($id: ID!, $l: [String!]!) { collectionTranslationsRemove(collectionId: $id, "
            + "locales: $l) { collection { translations { locale } } userErrors { field code message } } }";
    static final String PRODUCT_TRANSLATIONS = "query($id: ID!) { product(id: $id) { translations { locale title description } } }";

    static final String LIST = "query($locale: String) { products(first: 10, sortKey: CREATED_AT, locale: $locale) { nodes { "
            + "handle title description descriptionHtml collections { title description } } } }";

    private static Map<String, Object> translation(String locale, String title, String description) {
        Map<String, Object> t = new java.util.HashMap<>();
        t.put("locale", locale);
        t.put("title", title);
        t.put("description", description);
        return t;
    }

    private static void setOk(TestStore store, String productId, List<Map<String, Object>> translations) {
        JsonPath body = store.owner().execute(PRODUCT_SET, Map.of("id", productId, "t", translations));
        assertThat(body.getList("data.productTranslationsSet.userErrors")).as(body.prettify()).isEmpty();
    }

    @Test
    void aLocalePicksTheTranslationThenTheLanguageThenTheBaseTextsEverywhere() {
        TestStore store = TestStores.create("i18n-read");
        Map<String, Object> shirtInput = product("Blue Shirt", "ACTIVE", "10.00");
        shirtInput.put("description", "Soft\n\nCotton");
        String shirt = createOk(store, shirtInput);
        String hat = createOk(store, product("Red Hat", "ACTIVE", "12.00"));
        String summer = collection(store, "Summer", List.of(shirt, hat));
        setOk(store, shirt, List.of(translation("fr", "Chemise bleue", "Douce & <b>légère</b>"), translation("de", "Blaues Hemd", null)));
        JsonPath col = store.owner().execute(COLLECTION_SET, Map.of("id", summer, "t", List.of(translation("fr", "Été", "Soleil"))));
        assertThat(col.getList("data.collectionTranslationsSet.userErrors")).as(col.prettify()).isEmpty();

        assertThat(store.storefront().execute("{ shop { defaultLocale } }").getString("data.shop.defaultLocale")).isEqualTo("en");

        // The base texts without a locale, and for a locale nothing is translated into.
        for (String locale : new String[] {null, "es", "en"}) {
            JsonPath base = store.storefront().execute(LIST, locale == null ? Map.of() : Map.of("locale", locale));
            assertThat(base.getList("errors")).as(base.prettify()).isNull();
            assertThat(base.getList("data.products.nodes.title")).as(locale).containsExactly("Blue Shirt", "Red Hat");
            assertThat(base.getString("data.products.nodes[0].description")).isEqualTo("Soft\n\nCotton");
            assertThat(base.getString("data.products.nodes[0].descriptionHtml")).isEqualTo("<p>Soft</p><p>Cotton</p>");
            assertThat(base.getList("data.products.nodes[0].collections.title")).containsExactly("Summer");
        }

        // fr, and fr-CA / fr_ca falling back to fr; nested collections follow the product's locale.
        for (String locale : List.of("fr", "fr-CA", "fr_ca", "FR")) {
            JsonPath fr = store.storefront().execute(LIST, Map.of("locale", locale));
            assertThat(fr.getList("errors")).as(fr.prettify()).isNull();
            assertThat(fr.getList("data.products.nodes.title")).as(locale).containsExactly("Chemise bleue", "Red Hat");
            assertThat(fr.getString("data.products.nodes[0].description")).isEqualTo("Douce & <b>légère</b>");
            assertThat(fr.getString("data.products.nodes[0].descriptionHtml")).isEqualTo("<p>Douce &amp; &lt;b&gt;légère&lt;/b&gt;</p>");
            assertThat(fr.getString("data.products.nodes[1].description")).isEmpty();
            assertThat(fr.getList("data.products.nodes[0].collections.title")).containsExactly("Été");
            assertThat(fr.getList("data.products.nodes[1].collections.description")).containsExactly("Soleil");
        }

        // Each text falls back on its own: de has a title but no description.
        JsonPath de = store.storefront().execute(LIST, Map.of("locale", "de-AT"));
        assertThat(de.getList("data.products.nodes.title")).containsExactly("Blaues Hemd", "Red Hat");
        assertThat(de.getString("data.products.nodes[0].description")).isEqualTo("Soft\n\nCotton");
        assertThat(de.getList("data.products.nodes[0].collections.title")).containsExactly("Summer");

        // product(id|handle), collection(id|handle) and collections, with their nested paths.
        assertThat(store.storefront().execute("query($id: ID) { product(id: $id, locale: \"fr\") { title collections { title } } }",
                Map.of("id", shirt)).getString("data.product.collections[0].title")).isEqualTo("Été");
        assertThat(store.storefront().execute("{ product(handle: \"blue-shirt\", locale: \"fr\") { title } }")
                .getString("data.product.title")).isEqualTo("Chemise bleue");
        JsonPath byHandle = store.storefront().execute("{ collection(handle: \"summer\", locale: \"fr\") { title description "
                + "products(sortKey: CREATED_AT) { nodes { title collections { title } } } } }");
        assertThat(byHandle.getString("data.collection.title")).isEqualTo("Été");
        assertThat(byHandle.getList("data.collection.products.nodes.title")).containsExactly("Chemise bleue", "Red Hat");
        assertThat(byHandle.getString("data.collection.products.nodes[0].collections[0].title")).isEqualTo("Été");
        JsonPath byId = store.storefront().execute("query($id: ID) { collection(id: $id, locale: \"fr-CA\") { title products { nodes { title } } } }",
                Map.of("id", summer));
        assertThat(byId.getString("data.collection.title")).isEqualTo("Été");
        assertThat(byId.getList("data.collection.products.nodes.title")).contains("Chemise bleue");
        JsonPath list = store.storefront().execute("{ collections(first: 5, locale: \"fr\") { nodes { title products(sortKey: CREATED_AT) { "
                + "nodes { title } } } } }");
        assertThat(list.getList("data.collections.nodes.title")).containsExactly("Été");
        assertThat(list.getList("data.collections.nodes[0].products.nodes.title")).containsExactly("Chemise bleue", "Red Hat");
        JsonPath baseCollection = store.storefront().execute("{ collections(first: 5) { nodes { title products { nodes { title } } } } }");
        assertThat(baseCollection.getList("data.collections.nodes.title")).containsExactly("Summer");
        assertThat(baseCollection.getList("data.collections.nodes[0].products.nodes.title")).contains("Blue Shirt");

        // Two locales in one document: each nested batch follows its own parent's locale.
        JsonPath both = store.storefront().execute("{ fr: product(handle: \"blue-shirt\", locale: \"fr\") { title collections { title } } "
                + "en: product(handle: \"blue-shirt\") { title collections { title } } "
                + "de: collection(handle: \"summer\", locale: \"de\") { title products(sortKey: CREATED_AT) { nodes { title } } } }");
        assertThat(both.getString("data.fr.collections[0].title")).isEqualTo("Été");
        assertThat(both.getString("data.en.collections[0].title")).isEqualTo("Summer");
        assertThat(both.getString("data.en.title")).isEqualTo("Blue Shirt");
        assertThat(both.getList("data.de.products.nodes.title")).containsExactly("Blaues Hemd", "Red Hat");

        // Merchants read the same way (drafts included).
        assertThat(store.owner().execute(LIST, Map.of("locale", "fr")).getList("data.products.nodes.title"))
                .containsExactly("Chemise bleue", "Red Hat");

        // A malformed locale is a bad request.
        for (String bad : List.of("french", "f", "fr-CAN", "12", "fr-CA-x")) {
            JsonPath refused = store.storefront().execute(LIST, Map.of("locale", bad));
            assertThat(refused.getString("errors[0].extensions.code")).as(bad).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void mutationsReportEachUserErrorAndWriteNothingWhenOneTranslationIsBad() {
        TestStore store = TestStores.create("i18n-write");
        String shirt = createOk(store, product("Blue Shirt", "ACTIVE", "10.00"));
        String summer = collection(store, "Summer", List.of(shirt));

        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "Chemise", null), translation("french", "x", null)),
                "productTranslationsSet", "INVALID_LOCALE", List.of("translations", "1", "locale"));
        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "Chemise", null), translation("en", "Shirt", null)),
                "productTranslationsSet", "INVALID_LOCALE", List.of("translations", "1", "locale"));
        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "Chemise", null), translation("FR", "Autre", null)),
                "productTranslationsSet", "DUPLICATE_LOCALE", List.of("translations", "1", "locale"));
        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "Chemise", null), translation("de", "  ", null)),
                "productTranslationsSet", "INVALID_TITLE", List.of("translations", "1", "title"));
        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "x".repeat(256), null)),
                "productTranslationsSet", "INVALID_TITLE", List.of("translations", "0", "title"));
        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "Chemise", null), translation("de", null, "d".repeat(65_536))),
                "productTranslationsSet", "INVALID_DESCRIPTION", List.of("translations", "1", "description"));
        assertError(store, PRODUCT_SET, shirt, List.of(translation("fr", "Chemise", null), translation("de", null, null)),
                "productTranslationsSet", "EMPTY_TRANSLATION", List.of("translations", "1"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(translation("" + (char) ('a' + i / 26) + (char) ('a' + i % 26), "T" + i, null));
        }
        assertError(store, PRODUCT_SET, shirt, many, "productTranslationsSet", "TOO_MANY_TRANSLATIONS", List.of("translations"));
        String unknown = "gid://shopgraph/Product/00000000-0000-7000-8000-000000000000";
        assertError(store, PRODUCT_SET, unknown, List.of(translation("fr", "Chemise", null)), "productTranslationsSet", "NOT_FOUND", List.of("id"));
        assertError(store, PRODUCT_SET, "not-an-id", List.of(translation("fr", "Chemise", null)), "productTranslationsSet", "NOT_FOUND", List.of("id"));
        assertError(store, PRODUCT_SET, summer, List.of(translation("fr", "Chemise", null)), "productTranslationsSet", "NOT_FOUND", List.of("id"));
        // Nothing of the failed calls was written.
        assertThat(store.owner().execute(PRODUCT_TRANSLATIONS, Map.of("id", shirt)).getList("data.product.translations")).isEmpty();

        // Success, then replacement of one locale keeping the others.
        JsonPath set = store.owner().execute(PRODUCT_SET, Map.of("id", shirt, "t", List.of(translation("fr-ca", " Chemise ", "Belle\nchemise"),
                translation("de", "Hemd", null))));
        assertThat(set.getList("data.productTranslationsSet.userErrors")).as(set.prettify()).isEmpty();
        assertThat(set.getString("data.productTranslationsSet.product.title")).isEqualTo("Blue Shirt");
        assertThat(set.getList("data.productTranslationsSet.product.translations.locale")).containsExactly("de", "fr-CA");
        assertThat(set.getList("data.productTranslationsSet.product.translations.title")).containsExactly("Hemd", "Chemise");
        assertThat(set.getString("data.productTranslationsSet.product.translations[1].descriptionHtml")).isEqualTo("<p>Belle<br>chemise</p>");
        assertThat(set.getString("data.productTranslationsSet.product.translations[0].descriptionHtml")).isNull();
        setOk(store, shirt, List.of(translation("de", "Neues Hemd", "Text")));
        JsonPath after = store.owner().execute(PRODUCT_TRANSLATIONS, Map.of("id", shirt));
        assertThat(after.getList("data.product.translations.title")).containsExactly("Neues Hemd", "Chemise");

        // Remove: a bad locale refuses the whole call; unknown locales are ignored.
        JsonPath badRemove = store.owner().execute(PRODUCT_REMOVE, Map.of("id", shirt, "l", List.of("de", "bad locale")));
        assertThat(badRemove.getString("data.productTranslationsRemove.userErrors[0].code")).isEqualTo("INVALID_LOCALE");
        assertThat(badRemove.getList("data.productTranslationsRemove.userErrors[0].field")).containsExactly("locales", "1");
        assertThat(badRemove.getString("data.productTranslationsRemove.product")).isNull();
        assertThat(store.owner().execute(PRODUCT_TRANSLATIONS, Map.of("id", shirt)).getList("data.product.translations.locale"))
                .containsExactly("de", "fr-CA");
        JsonPath removed = store.owner().execute(PRODUCT_REMOVE, Map.of("id", shirt, "l", List.of("DE", "it")));
        assertThat(removed.getList("data.productTranslationsRemove.userErrors")).isEmpty();
        assertThat(removed.getList("data.productTranslationsRemove.product.translations.locale")).containsExactly("fr-CA");
        assertThat(store.owner().execute(PRODUCT_REMOVE, Map.of("id", unknown, "l", List.of("fr")))
                .getString("data.productTranslationsRemove.userErrors[0].code")).isEqualTo("NOT_FOUND");

        // Collections: the same rules.
        JsonPath badCollection = store.owner().execute(COLLECTION_SET, Map.of("id", summer, "t", List.of(translation("fr", "Été", null),
                translation("it", "", null))));
        assertThat(badCollection.getString("data.collectionTranslationsSet.userErrors[0].code")).isEqualTo("INVALID_TITLE");
        assertThat(badCollection.getString("data.collectionTranslationsSet.collection")).isNull();
        assertThat(store.owner().execute("query($id: ID) { collection(id: $id) { translations { locale } } }", Map.of("id", summer))
                .getList("data.collection.translations")).isEmpty();
        assertThat(store.owner().execute(COLLECTION_SET, Map.of("id", shirt, "t", List.of(translation("fr", "Été", null))))
                .getString("data.collectionTranslationsSet.userErrors[0].code")).isEqualTo("NOT_FOUND");
        JsonPath okCollection = store.owner().execute(COLLECTION_SET, Map.of("id", summer, "t", List.of(translation("fr", "Été", "Soleil"))));
        assertThat(okCollection.getList("data.collectionTranslationsSet.collection.translations.title")).containsExactly("Été");
        JsonPath removedCollection = store.owner().execute(COLLECTION_REMOVE, Map.of("id", summer, "l", List.of("fr")));
        assertThat(removedCollection.getList("data.collectionTranslationsRemove.collection.translations")).isEmpty();
        assertThat(store.owner().execute(COLLECTION_REMOVE, Map.of("id", summer, "l", List.of("x")))
                .getString("data.collectionTranslationsRemove.userErrors[0].code")).isEqualTo("INVALID_LOCALE");
    }

    @Test
    void storefrontsCannotWriteOrListTranslations() {
        TestStore store = TestStores.create("i18n-sf");
        String shirt = createOk(store, product("Blue Shirt", "ACTIVE", "10.00"));
        String summer = collection(store, "Summer", List.of(shirt));
        setOk(store, shirt, List.of(translation("fr", "Chemise", null)));

        JsonPath set = store.storefront().execute(PRODUCT_SET, Map.of("id", shirt, "t", List.of(translation("fr", "Pirate", null))));
        assertThat(set.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(set.getString("data.productTranslationsSet")).isNull();
        JsonPath remove = store.storefront().execute(PRODUCT_REMOVE, Map.of("id", shirt, "l", List.of("fr")));
        assertThat(remove.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(store.storefront().execute(COLLECTION_SET, Map.of("id", summer, "t", List.of(translation("fr", "Pirate", null))))
                .getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(store.storefront().execute(COLLECTION_REMOVE, Map.of("id", summer, "l", List.of("fr")))
                .getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");

        JsonPath read = store.storefront().execute("query($id: ID) { product(id: $id, locale: \"fr\") { title translations { locale } } }",
                Map.of("id", shirt));
        assertThat(read.getString("data.product.title")).isEqualTo("Chemise");
        assertThat(read.getString("data.product.translations")).isNull();
        assertThat(read.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(store.owner().execute(PRODUCT_TRANSLATIONS, Map.of("id", shirt)).getList("data.product.translations.title"))
                .containsExactly("Chemise");
    }

    static final String DEEP = "query($first: Int, $locale: String) { products(first: $first, sortKey: TITLE, locale: $locale) { nodes { "
            + "id title handle description featuredImage { url } priceRange { minVariantPrice { amount } } availableForSale "
            + "variants(first: 10) { nodes { id sku price { amount } quantityAvailable availableForSale } } "
            + "images { url altText } options { name values } collections { handle title } } } }";

    @Test
    void aLocaleAddsNoStatementToTheListing() {
        TestStore store = TestStores.create("i18n-count");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(createOk(store, product("Item " + i, "ACTIVE", "1.00", "2.00")));
        }
        collection(store, "All", ids);
        setOk(store, ids.get(0), List.of(translation("fr", "Article 0", null)));
        statements(store, 2, null);

        long base = statements(store, 6, null);
        long small = statements(store, 2, "fr-CA");
        long large = statements(store, 6, "fr-CA");
        assertThat(large).isEqualTo(small).isEqualTo(base);
    }

    private static long statements(TestStore store, int first, String locale) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("first", first);
        variables.put("locale", locale);
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(DEEP, variables); // uncached path
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.products.nodes")).hasSize(first);
        assertThat(body.getString("data.products.nodes[0].title")).isEqualTo(locale == null ? "Item 0" : "Article 0");
        return used;
    }

    private static void assertError(TestStore store, String document, String id, List<Map<String, Object>> translations,
            String mutation, String code, List<String> field) {
        JsonPath body = store.owner().execute(document, Map.of("id", id, "t", translations));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getString("data." + mutation + ".userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data." + mutation + ".userErrors[0].field")).as(body.prettify()).containsExactlyElementsOf(field);
        assertThat(body.getString("data." + mutation + ".product")).isNull();
    }

    @Test
    void searchShowsTheLocaleButMatchesTheBaseTexts() {
        TestStore store = TestStores.create("i18n-search");
        String shirt = createOk(store, product("Linen Shirt", "ACTIVE", "10.00"));
        setOk(store, shirt, List.of(translation("fr", "Chemise en lin", null)));
        String search = "query($q: String!, $locale: String) { search(query: $q, locale: $locale) { products { nodes { title "
                + "collections { title } } } } }";

        JsonPath fr = store.storefront().execute(search, Map.of("q", "shirt", "locale", "fr-CA"));
        assertThat(fr.getList("errors")).as(fr.prettify()).isNull();
        assertThat(fr.getList("data.search.products.nodes.title")).containsExactly("Chemise en lin");
        JsonPath base = store.storefront().execute(search, Map.of("q", "shirt"));
        assertThat(base.getList("data.search.products.nodes.title")).containsExactly("Linen Shirt");
        JsonPath malformed = store.storefront().execute(search, Map.of("q", "shirt", "locale", "not a locale"));
        assertThat(malformed.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }
}
