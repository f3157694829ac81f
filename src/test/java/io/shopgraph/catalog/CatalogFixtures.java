package io.shopgraph.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores.TestStore;

/** Builds catalog data through the merchant API, as a merchant would. */
final class CatalogFixtures {

    static final String CREATE = "mutation($input: ProductCreateInput!) { productCreate(input: $input) { "
            + "product { id handle status variants { nodes { id sku } } } userErrors { field code message } } }";
    static final String COLLECTION_CREATE = "mutation($input: CollectionCreateInput!) { collectionCreate(input: $input) { "
            + "collection { id handle } userErrors { field code message } } }";
    static final String COLLECTION_ADD = "mutation($id: ID!, $ids: [String!]!) { collectionAddProducts(id: $id, productIds: $ids) { "
            + "collection { id } userErrors { field code message } } }";

    private CatalogFixtures() {
    }

    /** A product input with one variant per price, sized S/M/L... when more than one. */
    static Map<String, Object> product(String title, String status, String... prices) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("status", status);
        input.put("vendor", "Acme");
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            Map<String, Object> v = new HashMap<>();
            v.put("price", prices[i]);
            if (prices.length > 1) {
                v.put("optionValues", List.of("S" + i));
            }
            variants.add(v);
        }
        if (prices.length > 1) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < prices.length; i++) {
                values.add("S" + i);
            }
            input.put("options", List.of(Map.of("name", "Size", "values", values)));
        }
        input.put("variants", variants);
        input.put("media", List.of(Map.of("url", "https://img.example/" + title.replace(' ', '-') + ".jpg", "alt", title)));
        return input;
    }

    static JsonPath create(TestStore store, Map<String, Object> input) {
        return store.owner().execute(CREATE, Map.of("input", input));
    }

    /** Creates the product and returns its global id; fails the test on user errors. */
    static String createOk(TestStore store, Map<String, Object> input) {
        JsonPath body = create(store, input);
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.productCreate.product.id");
    }

    static String collection(TestStore store, String title, List<String> productIds) {
        JsonPath created = store.owner().execute(COLLECTION_CREATE, Map.of("input", Map.of("title", title)));
        assertThat(created.getList("data.collectionCreate.userErrors")).as(created.prettify()).isEmpty();
        String id = created.getString("data.collectionCreate.collection.id");
        JsonPath added = store.owner().execute(COLLECTION_ADD, Map.of("id", id, "ids", productIds));
        assertThat(added.getList("data.collectionAddProducts.userErrors")).as(added.prettify()).isEmpty();
        return id;
    }
}
