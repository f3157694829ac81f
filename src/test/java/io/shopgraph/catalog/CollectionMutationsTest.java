package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class CollectionMutationsTest {

    static final String UPDATE = "mutation($id: ID!, $input: CollectionUpdateInput!) { collectionUpdate(id: $id, input: $input) { "
            + "collection { id handle title description image { url altText } } userErrors { field code message } } }";
    static final String REORDER = "mutation($id: ID!, $moves: [MoveInput!]!) { collectionReorderProducts(id: $id, moves: $moves) { "
            + "collection { products(first: 100) { nodes { title } } } userErrors { field code message } } }";
    static final String COLLECTIONS = "{ collections(first: 100) { nodes { id handle title description image { url altText } "
            + "products(first: 100) { nodes { title } } } } }";

    @Test
    void collectionUpdateChangesOnlyTheGivenFieldsAndRefusesEachInvalidInputWithItsCode() {
        TestStore store = TestStores.create("coll-update");
        String summer = CatalogFixtures.collection(store, "Summer", List.of());
        CatalogFixtures.collection(store, "Winter", List.of());

        JsonPath renamed = store.owner().execute(UPDATE, Map.of("id", summer, "input", Map.of("title", "Summer Sale",
                "handle", "summer-sale", "image", Map.of("url", "https://img.example/summer.jpg", "alt", "Beach"))));
        assertThat(renamed.getList("data.collectionUpdate.userErrors")).as(renamed.prettify()).isEmpty();
        assertThat(renamed.getString("data.collectionUpdate.collection.handle")).isEqualTo("summer-sale");
        assertThat(renamed.getString("data.collectionUpdate.collection.title")).isEqualTo("Summer Sale");
        assertThat(renamed.getString("data.collectionUpdate.collection.image.altText")).isEqualTo("Beach");
        JsonPath described = store.owner().execute(UPDATE, Map.of("id", summer, "input", Map.of("description", "Sun",
                "image", Map.of("alt", "Sunny beach"))));
        assertThat(described.getString("data.collectionUpdate.collection.title")).as("left out = unchanged").isEqualTo("Summer Sale");
        assertThat(described.getString("data.collectionUpdate.collection.description")).isEqualTo("Sun");
        assertThat(described.getString("data.collectionUpdate.collection.image.url")).isEqualTo("https://img.example/summer.jpg");
        assertThat(described.getString("data.collectionUpdate.collection.image.altText")).isEqualTo("Sunny beach");
        assertThat(store.storefront().execute("{ collection(handle: \"summer-sale\") { title } }").getString("data.collection.title"))
                .isEqualTo("Summer Sale");

        String bare = CatalogFixtures.collection(store, "Bare", List.of());
        String before = store.owner().execute(COLLECTIONS).prettify();
        expect(store, summer, Map.of("handle", "winter", "title", "Changed"), "HANDLE_TAKEN", List.of("input", "handle"));
        expect(store, summer, Map.of("handle", "Not A Handle"), "INVALID_HANDLE", List.of("input", "handle"));
        expect(store, summer, Map.of("title", "  "), "INVALID_TITLE", List.of("input", "title"));
        expect(store, summer, Map.of("title", "x".repeat(256)), "INVALID_TITLE", List.of("input", "title"));
        expect(store, summer, Map.of("title", "Changed", "image", Map.of("url", "javascript:alert(1)")), "INVALID_MEDIA",
                List.of("input", "image", "url"));
        expect(store, bare, Map.of("image", Map.of("alt", "No image to describe")), "INVALID_MEDIA", List.of("input", "image", "url"));
        expect(store, "gid://shopgraph/Collection/nope", Map.of("title", "Changed"), "NOT_FOUND", List.of("id"));
        TestStore other = TestStores.create("coll-update-other");
        assertThat(other.owner().execute(UPDATE, Map.of("id", summer, "input", Map.of("title", "Hacked")))
                .getString("data.collectionUpdate.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(store.owner().execute(COLLECTIONS).prettify()).as("failed updates wrote nothing")
                .isEqualTo(before).contains("Summer Sale").doesNotContain("Changed", "Hacked");
    }

    @Test
    void collectionReorderProductsAppliesMovesInOrderAndKeepsPositionsDense() {
        TestStore store = TestStores.create("coll-reorder");
        List<String> ids = new ArrayList<>();
        for (String title : List.of("A", "B", "C", "D", "E")) {
            ids.add(createOk(store, product(title, "ACTIVE", "1.00")));
        }
        String collection = CatalogFixtures.collection(store, "Ordered", ids);

        // [A B C D E] -> D to 0: [D A B C E] -> A to 3: [D B C A E]
        JsonPath moved = reorder(store, collection, List.of(move(ids.get(3), 0), move(ids.get(0), 3)));
        assertThat(moved.getList("data.collectionReorderProducts.userErrors")).as(moved.prettify()).isEmpty();
        assertThat(moved.getList("data.collectionReorderProducts.collection.products.nodes.title")).containsExactly("D", "B", "C", "A", "E");
        assertThat(titles(store)).containsExactly("D", "B", "C", "A", "E");

        // Removing leaves no gap: after removing B, position 1 is C and "past the end" is last.
        store.owner().execute("mutation($id: ID!, $ids: [String!]!) { collectionRemoveProducts(id: $id, productIds: $ids) { userErrors { code } } }",
                Map.of("id", collection, "ids", List.of(ids.get(1))));
        assertThat(titles(store)).containsExactly("D", "C", "A", "E");
        JsonPath dense = reorder(store, collection, List.of(move(ids.get(4), 1), move(ids.get(0), 99)));
        assertThat(dense.getList("data.collectionReorderProducts.collection.products.nodes.title")).as(dense.prettify())
                .containsExactly("D", "E", "C", "A");
        JsonPath appended = store.owner().execute(CatalogFixtures.COLLECTION_ADD, Map.of("id", collection, "ids", List.of(ids.get(1))));
        assertThat(appended.getList("data.collectionAddProducts.userErrors")).isEmpty();
        assertThat(titles(store)).as("an added product goes last").containsExactly("D", "E", "C", "A", "B");
        assertThat(titles(reorder(store, collection, List.of(move(ids.get(1), 4), move(ids.get(0), 0)))))
                .as("moving to its own place changes nothing else").containsExactly("A", "D", "E", "C", "B");
    }

    @Test
    void collectionReorderProductsIsAllOrNothing() {
        TestStore store = TestStores.create("coll-reorder-codes");
        String a = createOk(store, product("A", "ACTIVE", "1.00"));
        String b = createOk(store, product("B", "ACTIVE", "1.00"));
        String outside = createOk(store, product("Outside", "ACTIVE", "1.00"));
        String collection = CatalogFixtures.collection(store, "Pair", List.of(a, b));
        TestStore other = TestStores.create("coll-reorder-other");
        String foreign = createOk(other, product("Foreign", "ACTIVE", "1.00"));

        JsonPath notMember = reorder(store, collection, List.of(move(b, 0), move(outside, 0)));
        assertThat(notMember.getString("data.collectionReorderProducts.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(notMember.getList("data.collectionReorderProducts.userErrors[0].field")).containsExactly("moves", "1", "productId");
        assertThat(notMember.getString("data.collectionReorderProducts.collection")).isNull();
        JsonPath foreignProduct = reorder(store, collection, List.of(move(foreign, 0)));
        assertThat(foreignProduct.getList("data.collectionReorderProducts.userErrors[0].field")).containsExactly("moves", "0", "productId");
        JsonPath garbage = reorder(store, collection, List.of(move(b, 0), move("not-an-id", 0)));
        assertThat(garbage.getList("data.collectionReorderProducts.userErrors[0].field")).containsExactly("moves", "1", "productId");
        JsonPath negative = reorder(store, collection, List.of(move(b, -1)));
        assertThat(negative.getString("data.collectionReorderProducts.userErrors[0].code")).isEqualTo("INVALID_VALUE");
        assertThat(negative.getList("data.collectionReorderProducts.userErrors[0].field")).containsExactly("moves", "0", "newPosition");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            tooMany.add(move(a, 0));
        }
        assertThat(reorder(store, collection, tooMany).getList("data.collectionReorderProducts.userErrors[0].field")).containsExactly("moves");
        assertThat(reorder(store, "gid://shopgraph/Collection/nope", List.of(move(a, 1)))
                .getList("data.collectionReorderProducts.userErrors[0].field")).containsExactly("id");
        assertThat(reorder(other, collection, List.of(move(a, 1))).getString("data.collectionReorderProducts.userErrors[0].code"))
                .as("another store's collection").isEqualTo("NOT_FOUND");

        assertThat(titles(store)).as("no failed call moved anything").containsExactly("A", "B");
    }

    private static void expect(TestStore store, String id, Map<String, Object> input, String code, List<String> field) {
        JsonPath body = store.owner().execute(UPDATE, Map.of("id", id, "input", input));
        assertThat(body.getString("data.collectionUpdate.userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data.collectionUpdate.userErrors[0].field")).isEqualTo(field);
        assertThat(body.getString("data.collectionUpdate.collection")).isNull();
    }

    private static JsonPath reorder(TestStore store, String collection, List<Map<String, Object>> moves) {
        return store.owner().execute(REORDER, Map.of("id", collection, "moves", moves));
    }

    private static List<String> titles(JsonPath reordered) {
        return reordered.getList("data.collectionReorderProducts.collection.products.nodes.title");
    }

    private static List<String> titles(TestStore store) {
        return store.storefront().execute("{ collections(first: 10) { nodes { products(first: 100) { nodes { title } } } } }")
                .getList("data.collections.nodes[0].products.nodes.title");
    }

    private static Map<String, Object> move(String productId, int newPosition) {
        return Map.of("productId", productId, "newPosition", newPosition);
    }
}
