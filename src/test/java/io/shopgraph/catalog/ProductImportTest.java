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
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class ProductImportTest {

    static final String IMPORT = "mutation($doc: String!) { productsImport(document: $doc) { importedCount "
            + "products { id handle } userErrors { index field code message } } }";
    static final String EVERYTHING = "{ products(first: 100) { nodes { handle variants { nodes { sku } } } } "
            + "collections(first: 100) { nodes { handle products(first: 100) { nodes { handle } } } } }";

    @Test
    void aValidDocumentImportsEveryProductWithOptionsVariantsMediaStockAndCollections() {
        TestStore store = TestStores.create("import-ok");
        CatalogFixtures.collection(store, "Scarves", List.of(createOk(store, product("Existing Scarf", "ACTIVE", "1.00"))));
        Map<String, Object> scarf = row("Wool Scarf", "SCARF");
        scarf.put("collections", List.of("scarves"));
        scarf.put("media", List.of(Map.of("url", "https://img.example/scarf.jpg", "alt", "A scarf", "variantIndex", 1)));
        scarf.put("description", "Warm & soft.");
        Map<String, Object> ebook = new HashMap<>(Map.of("title", "E-Book", "kind", "DIGITAL", "status", "ACTIVE",
                "publishedAt", "2026-01-01T00:00:00Z", "variants", List.of(Map.of("price", 9.5, "sku", "EBOOK"))));

        JsonPath body = importDocument(store, List.of(scarf, ebook, row("Cotton Scarf", "COTTON")));

        assertThat(body.getList("data.productsImport.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getInt("data.productsImport.importedCount")).isEqualTo(3);
        assertThat(body.getList("data.productsImport.products.handle")).containsExactly("wool-scarf", "e-book", "cotton-scarf");
        JsonPath read = store.storefront().execute("{ product(handle: \"wool-scarf\") { title descriptionHtml tags options { name values } "
                + "variants { nodes { sku title price { amount } quantityAvailable selectedOptions { name value } image { url } } } "
                + "images { url altText } collections { handle } } }");
        assertThat(read.getString("data.product.title")).isEqualTo("Wool Scarf");
        assertThat(read.getString("data.product.descriptionHtml")).isEqualTo("<p>Warm &amp; soft.</p>");
        assertThat(read.getList("data.product.tags")).containsExactly("category-01");
        assertThat(read.getList("data.product.options.name")).containsExactly("Size");
        assertThat(read.getList("data.product.options[0].values")).containsExactly("S", "M", "L");
        assertThat(read.getList("data.product.variants.nodes.sku")).containsExactly("SCARF-S", "SCARF-M", "SCARF-L");
        assertThat(read.getList("data.product.variants.nodes.price.amount")).containsExactly("108.77", "110.77", "112.77");
        assertThat(read.getList("data.product.variants.nodes.quantityAvailable")).containsExactly(50, 0, 179);
        assertThat(read.getString("data.product.variants.nodes[1].image.url")).isEqualTo("https://img.example/scarf.jpg");
        assertThat(read.getList("data.product.collections.handle")).containsExactly("scarves");
        assertThat(store.storefront().execute("{ collection(handle: \"scarves\") { products { nodes { handle } } } }")
                .getList("data.collection.products.nodes.handle")).as("imported products go after the existing ones")
                .containsExactly("existing-scarf", "wool-scarf");
        assertThat(store.storefront().execute("{ product(handle: \"e-book\") { variants { nodes { price { amount } requiresShipping } } } }")
                .getList("data.product.variants.nodes.requiresShipping")).containsExactly(false);
    }

    @Test
    void severalBadRowsAreEachReportedByIndexAndNothingIsWritten() {
        TestStore store = TestStores.create("import-bad");
        createOk(store, product("Kept", "ACTIVE", "1.00"));
        String before = store.owner().execute(EVERYTHING).prettify();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(row("Row " + i, "ROW-" + i));
        }
        variant(rows.get(1), 2).put("price", "-3.00");
        variant(rows.get(3), 0).put("optionValues", List.of("XXL"));
        rows.get(4).put("title", " ");
        rows.get(6).put("collections", List.of("no-such-collection"));
        variant(rows.get(7), 1).put("price", true);

        JsonPath body = importDocument(store, rows);

        assertThat(body.getInt("data.productsImport.importedCount")).isZero();
        assertThat(body.getList("data.productsImport.products")).isEmpty();
        assertThat(body.getList("data.productsImport.userErrors.index")).as(body.prettify()).containsExactly(1, 3, 4, 6, 7);
        assertThat(body.getList("data.productsImport.userErrors.code"))
                .containsExactly("INVALID_PRICE", "UNKNOWN_OPTION_VALUE", "INVALID_TITLE", "NOT_FOUND", "INVALID_PRICE");
        assertThat(body.getList("data.productsImport.userErrors[0].field")).containsExactly("products", "1", "variants", "2", "price");
        assertThat(body.getList("data.productsImport.userErrors[1].field")).containsExactly("products", "3", "variants", "0", "optionValues");
        assertThat(body.getList("data.productsImport.userErrors[2].field")).containsExactly("products", "4", "title");
        assertThat(body.getList("data.productsImport.userErrors[3].field")).containsExactly("products", "6", "collections", "0");
        assertThat(body.getList("data.productsImport.userErrors[4].field")).containsExactly("products", "7", "variants", "1", "price");
        assertThat(store.owner().execute(EVERYTHING).prettify()).as("nothing was written").isEqualTo(before);
    }

    @Test
    void handlesAndSkusMustBeFreeAcrossRowsAndInTheStore() {
        TestStore store = TestStores.create("import-dup");
        Map<String, Object> existing = product("Existing", "ACTIVE", "1.00");
        variant(existing, 0).put("sku", "TAKEN-SKU");
        createOk(store, existing);
        String before = store.owner().execute(EVERYTHING).prettify();
        Map<String, Object> sameHandleAsRow0 = row("Other Title", "B");
        sameHandleAsRow0.put("handle", "first");
        Map<String, Object> sameSkuAsRow1 = row("Fourth", "D");
        variant(sameSkuAsRow1, 2).put("sku", "B-M");
        Map<String, Object> storeClash = row("Existing", "E");
        variant(storeClash, 0).put("sku", "TAKEN-SKU");

        JsonPath body = importDocument(store, List.of(row("First", "A"), sameHandleAsRow0, row("Third", "C"), sameSkuAsRow1, storeClash));

        assertThat(body.getList("data.productsImport.userErrors.index")).as(body.prettify()).containsExactly(1, 3, 4, 4);
        assertThat(body.getList("data.productsImport.userErrors.code")).containsExactly("HANDLE_TAKEN", "SKU_TAKEN", "HANDLE_TAKEN", "SKU_TAKEN");
        assertThat(body.getList("data.productsImport.userErrors[0].field")).containsExactly("products", "1", "handle");
        assertThat(body.getString("data.productsImport.userErrors[0].message")).contains("Product 0");
        assertThat(body.getList("data.productsImport.userErrors[1].field")).containsExactly("products", "3", "variants", "2", "sku");
        assertThat(body.getList("data.productsImport.userErrors[2].field")).containsExactly("products", "4", "handle");
        assertThat(body.getList("data.productsImport.userErrors[3].field")).containsExactly("products", "4", "variants", "0", "sku");
        assertThat(store.owner().execute(EVERYTHING).prettify()).isEqualTo(before);
    }

    @Test
    void anotherStoresHandlesSkusAndCollectionsAreNeitherClashesNorTargets() {
        TestStore store = TestStores.create("import-tenant");
        TestStore other = TestStores.create("import-tenant-other");
        Map<String, Object> theirs = product("Shared Name", "ACTIVE", "1.00");
        variant(theirs, 0).put("sku", "SHARED-S");
        CatalogFixtures.collection(other, "Their Picks", List.of(createOk(other, theirs)));
        Map<String, Object> intoTheirCollection = row("Mine", "MINE");
        intoTheirCollection.put("collections", List.of("their-picks"));

        JsonPath refused = importDocument(store, List.of(intoTheirCollection));
        assertThat(refused.getString("data.productsImport.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(refused.getList("data.productsImport.userErrors[0].field")).containsExactly("products", "0", "collections", "0");
        JsonPath ok = importDocument(store, List.of(row("Shared Name", "SHARED")));
        assertThat(ok.getList("data.productsImport.userErrors")).as(ok.prettify()).isEmpty();
        assertThat(ok.getList("data.productsImport.products.handle")).containsExactly("shared-name");
        assertThat(other.storefront().execute("{ collection(handle: \"their-picks\") { products { nodes { handle } } } }")
                .getList("data.collection.products.nodes.handle")).containsExactly("shared-name");
    }

    @Test
    void malformedAndOversizedDocumentsAreUserErrorsNotStackTraces() {
        TestStore store = TestStores.create("import-malformed");
        String before = store.owner().execute(EVERYTHING).prettify();

        JsonPath broken = importRaw(store, "{\"products\": [ {\"title\": \"Half\", ");
        assertThat(broken.getList("errors")).isNull();
        assertThat(broken.getString("data.productsImport.userErrors[0].code")).isEqualTo("INVALID_DOCUMENT");
        assertThat(broken.getList("data.productsImport.userErrors[0].field")).containsExactly("document");
        assertThat(broken.getString("data.productsImport.userErrors[0].index")).isNull();
        assertThat(broken.getString("data.productsImport.userErrors[0].message")).doesNotContain("Exception", "jakarta", "org.");
        assertThat(importRaw(store, "[1, 2]").getString("data.productsImport.userErrors[0].code")).isEqualTo("INVALID_DOCUMENT");
        assertThat(importRaw(store, "{\"items\": []}").getString("data.productsImport.userErrors[0].code")).isEqualTo("INVALID_DOCUMENT");
        assertThat(importRaw(store, "").getString("data.productsImport.userErrors[0].code")).isEqualTo("INVALID_DOCUMENT");
        JsonPath notObjects = importRaw(store, "{\"products\": [\"a product\", {\"title\": \"T\", \"variants\": [{\"price\": \"1\"}], \"colour\": \"red\"}]}");
        assertThat(notObjects.getList("data.productsImport.userErrors.code")).containsExactly("INVALID_VALUE", "INVALID_VALUE");
        assertThat(notObjects.getList("data.productsImport.userErrors[0].field")).containsExactly("products", "0");
        assertThat(notObjects.getList("data.productsImport.userErrors[1].field")).containsExactly("products", "1", "colour");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("title", "P" + i));
        }
        JsonPath many = importDocument(store, tooMany);
        assertThat(many.getString("data.productsImport.userErrors[0].code")).isEqualTo("IMPORT_TOO_LARGE");
        assertThat(many.getList("data.productsImport.userErrors[0].field")).containsExactly("products");
        String huge = "{\"products\": []" + " ".repeat(1_500_001) + "}";
        JsonPath large = importRaw(store, huge);
        assertThat(large.getString("data.productsImport.userErrors[0].code")).isEqualTo("IMPORT_TOO_LARGE");
        assertThat(large.getList("data.productsImport.userErrors[0].field")).containsExactly("document");
        assertThat(store.owner().execute(EVERYTHING).prettify()).isEqualTo(before);
        assertThat(importRaw(store, "{\"products\": []}").getInt("data.productsImport.importedCount")).isZero();
    }

    /**
     * 1,000 products in the shape of the reference catalogue (3 size variants with stock, a
     * category tag, one of 20 collections): imported in one call. Prints the time; no assertion on it.
     */
    @Test
    void aThousandReferenceProductsImportInOneCall() {
        TestStore store = TestStores.create("import-1000");
        for (int c = 1; c <= 20; c++) {
            CatalogFixtures.collection(store, String.format("Collection %02d", c), List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            String category = String.format("%02d", (i - 1) % 20 + 1);
            String name = String.format("Ivory Bamboo Scarf %05d", i);
            List<Map<String, Object>> variants = new ArrayList<>();
            for (String size : List.of("S", "M", "L")) {
                variants.add(Map.of("sku", String.format("SKU-%05d-%s", i, size), "optionValues", List.of(size),
                        "price", String.format("%d.%02d", 100 + i % 50, i % 100), "inventoryQuantity", i % 200));
            }
            rows.add(Map.of("title", name, "handle", name.toLowerCase().replace(' ', '-'), "status", "ACTIVE",
                    "description", "The " + name + " is a ivory scarf made of bamboo. It belongs to Category " + category
                            + " and comes in sizes S, M and L. Catalogue item number " + i + "; generated deterministically for benchmarking.",
                    "tags", List.of("category-" + category), "options", List.of(Map.of("name", "Size", "values", List.of("S", "M", "L"))),
                    "variants", variants, "collections", List.of("collection-" + category)));
        }
        String document = new JsonObject(Map.of("products", rows)).encode();

        long started = System.nanoTime();
        JsonPath body = importRaw(store, document);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("productsImport: 1000 products, 3000 variants, %d characters, in %d ms over HTTP%n", document.length(), millis);

        assertThat(body.getList("data.productsImport.userErrors")).as(body.prettify()).isEmpty();
        assertThat(body.getInt("data.productsImport.importedCount")).isEqualTo(1000);
        JsonPath read = store.storefront().execute("{ product(handle: \"ivory-bamboo-scarf-00777\") { variants { nodes { sku quantityAvailable } } "
                + "collections { handle } } collection(handle: \"collection-17\") { products(first: 100) { nodes { handle } } } }");
        assertThat(read.getList("data.product.variants.nodes.sku")).containsExactly("SKU-00777-S", "SKU-00777-M", "SKU-00777-L");
        assertThat(read.getList("data.product.variants.nodes.quantityAvailable")).containsExactly(177, 177, 177);
        assertThat(read.getList("data.product.collections.handle")).containsExactly("collection-17");
        assertThat(read.getList("data.collection.products.nodes.handle")).hasSize(50).startsWith("ivory-bamboo-scarf-00017");
    }

    /** A row of the reference shape: Size S/M/L, SKUs PREFIX-S/M/L, stock 50/0/179, category-01. */
    static Map<String, Object> row(String title, String skuPrefix) {
        Map<String, Object> row = new HashMap<>();
        row.put("title", title);
        row.put("status", "ACTIVE");
        row.put("tags", List.of("category-01"));
        row.put("options", List.of(Map.of("name", "Size", "values", List.of("S", "M", "L"))));
        List<Map<String, Object>> variants = new ArrayList<>();
        String[] prices = {"108.77", "110.77", "112.77"};
        int[] stock = {50, 0, 179};
        String[] sizes = {"S", "M", "L"};
        for (int i = 0; i < 3; i++) {
            variants.add(new HashMap<>(Map.of("sku", skuPrefix + "-" + sizes[i], "optionValues", List.of(sizes[i]), "price", prices[i],
                    "inventoryQuantity", stock[i])));
        }
        row.put("variants", variants);
        return row;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variant(Map<String, Object> row, int index) {
        return ((List<Map<String, Object>>) row.get("variants")).get(index);
    }

    static JsonPath importDocument(TestStore store, List<Map<String, Object>> products) {
        return importRaw(store, new JsonObject(Map.of("products", products)).encode());
    }

    static JsonPath importRaw(TestStore store, String document) {
        return store.owner().execute(IMPORT, Map.of("doc", document));
    }
}
