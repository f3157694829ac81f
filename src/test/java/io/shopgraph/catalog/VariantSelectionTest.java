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

/** A product page's variant selection: variant -> product, selected options -> variant, the first available one. */
@QuarkusTest
class VariantSelectionTest {

    /** Size (XS, S, M, XL: not alphabetical) x Colour (Red, Blue); Size XS is out of stock in both colours. */
    static Map<String, Object> shirt(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("status", "ACTIVE");
        input.put("vendor", "Acme");
        input.put("options", List.of(Map.of("name", "Size", "values", List.of("XS", "S", "M", "XL")),
                Map.of("name", "Colour", "values", List.of("Red", "Blue"))));
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String size : List.of("XS", "S", "M", "XL")) {
            for (String colour : List.of("Red", "Blue")) {
                Map<String, Object> v = new HashMap<>();
                v.put("optionValues", List.of(size, colour));
                v.put("price", "20.00");
                v.put("sku", title.replace(' ', '-') + "-" + size + "-" + colour);
                v.put("inventoryQuantity", size.equals("XS") ? 0 : 5);
                variants.add(v);
            }
        }
        input.put("variants", variants);
        return input;
    }

    static final String PAGE = "query($h: String!, $sel: [SelectedOptionInput!]!) { product(handle: $h) { title "
            + "options { name values } "
            + "variantBySelectedOptions(selectedOptions: $sel) { sku title selectedOptions { name value } product { title } } "
            + "selectedOrFirstAvailableVariant(selectedOptions: $sel) { sku availableForSale } } }";

    @Test
    void aProductPageSelectsItsVariantFromTheChosenOptions() {
        TestStore store = TestStores.create("variant-select");
        createOk(store, shirt("Pick Shirt"));

        JsonPath body = page(store, Map.of("h", "pick-shirt", "sel", List.of(opt("Colour", "Blue"), opt("Size", "M"))));
        assertThat(body.getList("data.product.options.values")).containsExactly(List.of("XS", "S", "M", "XL"), List.of("Red", "Blue"));
        assertThat(body.getString("data.product.variantBySelectedOptions.sku")).isEqualTo("Pick-Shirt-M-Blue");
        assertThat(body.getString("data.product.variantBySelectedOptions.product.title")).isEqualTo("Pick Shirt");
        assertThat(body.getString("data.product.selectedOrFirstAvailableVariant.sku")).isEqualTo("Pick-Shirt-M-Blue");

        // A partial, unknown or doubled selection has no exact variant.
        for (List<Map<String, Object>> selection : List.of(List.of(opt("Size", "M")), List.of(opt("Size", "M"), opt("Colour", "Green")),
                List.of(opt("Size", "M"), opt("Colour", "Red"), opt("Fit", "Slim")), List.of(opt("Size", "M"), opt("Size", "S")),
                List.of(opt("Size", "M"), opt("Colour", "Red"), opt("Fit", "Slim"), opt("Cut", "Long")),
                List.<Map<String, Object>>of(), List.of(opt("size", "M"), opt("Colour", "Red")))) {
            JsonPath none = page(store, Map.of("h", "pick-shirt", "sel", selection));
            assertThat(none.getString("data.product.variantBySelectedOptions")).as(selection.toString()).isNull();
            // ... and the page shows the first available variant instead: XS is sold out, so S Red.
            assertThat(none.getString("data.product.selectedOrFirstAvailableVariant.sku")).isEqualTo("Pick-Shirt-S-Red");
            assertThat(none.getBoolean("data.product.selectedOrFirstAvailableVariant.availableForSale")).isTrue();
        }
        // A sold-out selection is still the selection.
        JsonPath soldOut = page(store, Map.of("h", "pick-shirt", "sel", List.of(opt("Size", "XS"), opt("Colour", "Red"))));
        assertThat(soldOut.getString("data.product.variantBySelectedOptions.sku")).isEqualTo("Pick-Shirt-XS-Red");
        assertThat(soldOut.getString("data.product.selectedOrFirstAvailableVariant.sku")).isEqualTo("Pick-Shirt-XS-Red");
        assertThat(soldOut.getBoolean("data.product.selectedOrFirstAvailableVariant.availableForSale")).isFalse();

        // A product without options: its one variant is selected by the empty selection.
        Map<String, Object> plain = CatalogFixtures.product("Plain Mug", "ACTIVE", "9.00");
        createOk(store, plain);
        JsonPath mug = page(store, Map.of("h", "plain-mug", "sel", List.of()));
        assertThat(mug.getString("data.product.variantBySelectedOptions.title")).isNotNull();
        assertThat(mug.getString("data.product.variantBySelectedOptions.product.title")).isEqualTo("Plain Mug");
    }

    @Test
    void variantToProductAndSelectionCostOneStatementPerLevelWhateverThePageSize() {
        TestStore store = TestStores.create("variant-count");
        for (int i = 0; i < 30; i++) {
            createOk(store, shirt("Count Shirt " + i));
        }
        String query = "query($first: Int) { products(first: $first) { nodes { title "
                + "variantBySelectedOptions(selectedOptions: [{name: \"Size\", value: \"S\"}, {name: \"Colour\", value: \"Red\"}]) { sku } "
                + "selectedOrFirstAvailableVariant { sku } "
                + "variants(first: 3) { nodes { sku product { title } } } } } }";
        store.storefront().execute(query, Map.of("first", 1));
        long small = statements(store, query, 3);
        long large = statements(store, query, 30);
        System.out.println("variant selection statements: first:3=" + small + " first:30=" + large);
        assertThat(large).isEqualTo(small);
        // products, variantBySelectedOptions, the variants of selectedOrFirstAvailableVariant, their stock, variants, product.
        assertThat(large).isLessThanOrEqualTo(6);

        // Through node(id:) too: a variant's product.
        JsonPath listed = store.storefront().execute(query, Map.of("first", 1));
        assertThat(listed.getString("data.products.nodes[0].variantBySelectedOptions.sku")).endsWith("-S-Red");
        assertThat(listed.getString("data.products.nodes[0].selectedOrFirstAvailableVariant.sku")).endsWith("-S-Red");
        assertThat(listed.getString("data.products.nodes[0].variants.nodes[0].product.title"))
                .isEqualTo(listed.getString("data.products.nodes[0].title"));
    }

    @Test
    void aVariantOfAHiddenOrForeignProductLeadsNowhere() {
        TestStore store = TestStores.create("variant-hidden");
        TestStore other = TestStores.create("variant-hidden-other");
        Map<String, Object> draft = shirt("Draft Shirt");
        draft.put("status", "DRAFT");
        JsonPath created = CatalogFixtures.create(store, draft);
        String variantId = created.getString("data.productCreate.product.variants.nodes[0].id");
        String node = "query($id: ID!) { node(id: $id) { ... on ProductVariant { sku product { title } } } }";
        assertThat(store.storefront().execute(node, Map.of("id", variantId)).getString("data.node")).isNull();
        assertThat(other.owner().execute(node, Map.of("id", variantId)).getString("data.node")).isNull();
        assertThat(store.owner().execute(node, Map.of("id", variantId)).getString("data.node.product.title")).isEqualTo("Draft Shirt");
    }

    private static JsonPath page(TestStore store, Map<String, Object> variables) {
        JsonPath body = store.storefront().execute(PAGE, variables);
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body;
    }

    private static long statements(TestStore store, String query, int first) {
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.storefront().uncached().execute(query, Map.of("first", first));
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data.products.nodes")).hasSize(first);
        return used;
    }

    static Map<String, Object> opt(String name, String value) {
        return Map.of("name", name, "value", value);
    }
}
