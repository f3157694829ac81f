package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.catalog.domain.DescriptionHtmlTest;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** SEO texts readable, descriptionHtml settable and cleaned, through HTTP. */
@QuarkusTest
class ProductContentTest {

    static final String READ = "query($h: String!) { product(handle: $h) { description descriptionHtml seo { title description } } }";
    static final String UPDATE = "mutation($id: ID!, $i: ProductUpdateInput!) { productUpdate(id: $id, input: $i) { "
            + "product { description descriptionHtml } userErrors { field code message } } }";

    @Test
    void seoIsReadableAndDescriptionHtmlIsCleanedOnCreateAndUpdate() {
        TestStore store = TestStores.create("content");
        Map<String, Object> input = product("Rich Shirt", "ACTIVE", "20.00");
        input.put("seoTitle", "Rich Shirt | Acme");
        input.put("seoDescription", "A shirt with a rich description.");
        input.put("descriptionHtml", "<p>Soft <strong>linen</strong>.</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">size guide</a>");
        String id = CatalogFixtures.createOk(store, input);

        JsonPath read = store.storefront().execute(READ, Map.of("h", "rich-shirt"));
        assertThat(read.getList("errors")).as(read.prettify()).isNull();
        assertThat(read.getString("data.product.seo.title")).isEqualTo("Rich Shirt | Acme");
        assertThat(read.getString("data.product.seo.description")).isEqualTo("A shirt with a rich description.");
        String html = read.getString("data.product.descriptionHtml");
        assertThat(html).contains("<p>Soft <strong>linen</strong>.</p>", "size guide").doesNotContain("script", "javascript", "onclick");
        assertThat(read.getString("data.product.description")).isEqualTo("Soft linen.\nsize guide");
        // The text of the HTML is searchable.
        assertThat(store.storefront().execute("{ search(query: \"linen\") { products { nodes { title } } } }")
                .getList("data.search.products.nodes.title")).containsExactly("Rich Shirt");

        // Every payload of the unit test is cleaned through the API as well, and nothing else changes.
        for (String payload : DescriptionHtmlTest.PAYLOADS) {
            JsonPath updated = store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("descriptionHtml", "<p>Safe</p>" + payload)));
            assertThat(updated.getList("data.productUpdate.userErrors")).as(updated.prettify()).isEmpty();
            String stored = updated.getString("data.productUpdate.product.descriptionHtml").toLowerCase();
            assertThat(stored).as(payload).startsWith("<p>safe</p>").doesNotContain("<script", "<style", "onerror", "onclick", "onload",
                    "javascript:", "data:", "<iframe", "<svg", "style=");
        }
        // A plain description still wins over the derived text, and leaving both out changes neither.
        JsonPath both = store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("descriptionHtml", "<p>Html</p>", "description", "Plain")));
        assertThat(both.getString("data.productUpdate.product.description")).isEqualTo("Plain");
        assertThat(both.getString("data.productUpdate.product.descriptionHtml")).isEqualTo("<p>Html</p>");
        JsonPath untouched = store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("title", "Rich Shirt")));
        assertThat(untouched.getString("data.productUpdate.product.descriptionHtml")).isEqualTo("<p>Html</p>");
        // productsImport cleans a row's descriptionHtml the same way.
        String document = "{\"products\": [{\"title\": \"Imported Shirt\", \"status\": \"ACTIVE\", \"descriptionHtml\": "
                + "\"<p onmouseover=alert(1)>Imported <em>shirt</em></p><script>alert(1)</script>\", \"variants\": [{\"price\": \"5.00\"}]}]}";
        JsonPath imported = store.owner().execute(ProductImportTest.IMPORT, Map.of("doc", document));
        assertThat(imported.getList("data.productsImport.userErrors")).as(imported.prettify()).isEmpty();
        JsonPath importedRead = store.storefront().execute(READ, Map.of("h", "imported-shirt"));
        assertThat(importedRead.getString("data.product.descriptionHtml")).isEqualTo("<p>Imported <em>shirt</em></p>");
        assertThat(importedRead.getString("data.product.description")).isEqualTo("Imported shirt");

        // Without seo texts the fields are null, not an error.
        CatalogFixtures.createOk(store, product("Bare Shirt", "ACTIVE", "20.00"));
        JsonPath bare = store.storefront().execute(READ, Map.of("h", "bare-shirt"));
        assertThat(bare.getString("data.product.seo.title")).isNull();
        assertThat(bare.getString("data.product.descriptionHtml")).isEmpty();
    }
}
