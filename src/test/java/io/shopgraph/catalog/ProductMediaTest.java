package io.shopgraph.catalog;

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

/** productMediaAdd/Remove/Reorder over HTTP: order, featured image, variant binding, codes, all-or-nothing, scopes. */
@QuarkusTest
class ProductMediaTest {

    static final String ADD = "mutation($p: ID!, $m: [ProductMediaAddInput!]!) { productMediaAdd(productId: $p, media: $m) { "
            + "product { featuredImage { url } } media { id url altText width height } userErrors { field code message } } }";
    static final String REMOVE = "mutation($p: ID!, $m: [String!]!) { productMediaRemove(productId: $p, mediaIds: $m) { "
            + "product { featuredImage { url } } deletedMediaIds userErrors { field code message } } }";
    static final String REORDER = "mutation($p: ID!, $m: [ProductMediaMoveInput!]!) { productMediaReorder(productId: $p, moves: $m) { "
            + "product { featuredImage { url } } media { id url } userErrors { field code message } } }";
    static final String STATE = "query($id: ID!) { product(id: $id) { featuredImage { id url } images { id url altText } "
            + "variants { nodes { id image { url } } } } }";

    @Test
    void addAppendsRemoveClosesUpReorderMovesAndTheFeaturedImageFollowsPositionZero() {
        TestStore store = TestStores.create("media-flow");
        JsonPath created = CatalogFixtures.create(store, CatalogFixtures.product("Lamp", "ACTIVE", "10.00", "12.00"));
        String product = created.getString("data.productCreate.product.id");
        String variant = created.getString("data.productCreate.product.variants.nodes[1].id");

        JsonPath added = store.owner().execute(ADD, Map.of("p", product, "m", List.of(
                Map.of("url", "https://img.example/b.jpg", "alt", "B", "width", 800, "height", 600),
                Map.of("url", "https://img.example/c.jpg", "variantId", variant))));
        assertThat(added.getList("data.productMediaAdd.userErrors")).as(added.prettify()).isEmpty();
        assertThat(added.getList("data.productMediaAdd.media.url")).containsExactly("https://img.example/b.jpg", "https://img.example/c.jpg");
        assertThat(added.getList("data.productMediaAdd.media.width")).containsExactly(800, null);
        assertThat(added.getString("data.productMediaAdd.product.featuredImage.url")).isEqualTo("https://img.example/Lamp.jpg");
        JsonPath state = store.owner().execute(STATE, Map.of("id", product));
        assertThat(state.getList("data.product.images.url")).containsExactly("https://img.example/Lamp.jpg",
                "https://img.example/b.jpg", "https://img.example/c.jpg");
        assertThat(state.getString("data.product.variants.nodes[1].image.url")).isEqualTo("https://img.example/c.jpg");
        List<String> ids = state.getList("data.product.images.id");

        // Moves apply one after the other: c to the front (c, lamp, b), then b to position 1 (c, b, lamp).
        JsonPath reordered = store.owner().execute(REORDER, Map.of("p", product, "m", List.of(
                Map.of("id", ids.get(2), "newPosition", 0), Map.of("id", ids.get(1), "newPosition", 1))));
        assertThat(reordered.getList("data.productMediaReorder.userErrors")).as(reordered.prettify()).isEmpty();
        assertThat(reordered.getList("data.productMediaReorder.media.id")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(reordered.getString("data.productMediaReorder.product.featuredImage.url")).isEqualTo("https://img.example/c.jpg");
        assertThat(store.storefront().execute("{ products(first: 1) { nodes { featuredImage { url } images { url } } } }")
                .getList("data.products.nodes[0].images.url")).containsExactly("https://img.example/c.jpg",
                        "https://img.example/b.jpg", "https://img.example/Lamp.jpg");

        JsonPath removed = store.owner().execute(REMOVE, Map.of("p", product, "m", List.of(ids.get(2))));
        assertThat(removed.getList("data.productMediaRemove.userErrors")).as(removed.prettify()).isEmpty();
        assertThat(removed.getList("data.productMediaRemove.deletedMediaIds")).containsExactly(ids.get(2));
        assertThat(removed.getString("data.productMediaRemove.product.featuredImage.url")).isEqualTo("https://img.example/b.jpg");
        JsonPath after = store.owner().execute(STATE, Map.of("id", product));
        assertThat(after.getList("data.product.images.id")).containsExactly(ids.get(1), ids.get(0));
        assertThat(after.getString("data.product.variants.nodes[1].image")).isNull();
        // Positions closed up: moving to the last index (1) works, 2 no longer exists.
        assertThat(store.owner().execute(REORDER, Map.of("p", product, "m", List.of(Map.of("id", ids.get(1), "newPosition", 1))))
                .getList("data.productMediaReorder.media.id")).containsExactly(ids.get(0), ids.get(1));
    }

    @Test
    void eachInvalidMediaCallIsRefusedWithItsCodeAndWritesNothing() {
        TestStore store = TestStores.create("media-codes");
        String product = CatalogFixtures.createOk(store, CatalogFixtures.product("Vase", "ACTIVE", "10.00"));
        JsonPath other = CatalogFixtures.create(store, CatalogFixtures.product("Bowl", "ACTIVE", "10.00"));
        String otherProduct = other.getString("data.productCreate.product.id");
        String otherVariant = other.getString("data.productCreate.product.variants.nodes[0].id");
        String otherImage = store.owner().execute(STATE, Map.of("id", otherProduct)).getString("data.product.images[0].id");
        String image = store.owner().execute(STATE, Map.of("id", product)).getString("data.product.images[0].id");
        String before = store.owner().execute(STATE, Map.of("id", product)).prettify()
                + store.owner().execute(STATE, Map.of("id", otherProduct)).prettify();

        expect(store, ADD, "productMediaAdd", Map.of("p", product, "m", List.of(Map.of("url", "https://ok.example/1.jpg"),
                Map.of("url", "ftp://img.example/x.jpg"))), "INVALID_MEDIA", List.of("media", "1", "url"));
        expect(store, ADD, "productMediaAdd", Map.of("p", product, "m", List.of(Map.of("url", "https://ok.example/1.jpg", "width", 0))),
                "INVALID_MEDIA", List.of("media", "0"));
        expect(store, ADD, "productMediaAdd", Map.of("p", product, "m", List.of(Map.of("url", "https://ok.example/1.jpg",
                "variantId", otherVariant))), "NOT_FOUND", List.of("media", "0", "variantId"));
        List<Map<String, Object>> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Map.of("url", "https://ok.example/" + i + ".jpg"));
        }
        expect(store, ADD, "productMediaAdd", Map.of("p", product, "m", fifty), "TOO_MANY_MEDIA", List.of("media"));
        expect(store, ADD, "productMediaAdd", Map.of("p", product, "m", List.of()), "INVALID_VALUE", List.of("media"));
        expect(store, ADD, "productMediaAdd", Map.of("p", "gid://shopgraph/Product/00000000-0000-0000-0000-000000000001",
                "m", List.of(Map.of("url", "https://ok.example/1.jpg"))), "NOT_FOUND", List.of("productId"));

        expect(store, REMOVE, "productMediaRemove", Map.of("p", product, "m", List.of(image, otherImage)), "NOT_FOUND", List.of("mediaIds", "1"));
        expect(store, REMOVE, "productMediaRemove", Map.of("p", product, "m", List.of("nonsense")), "NOT_FOUND", List.of("mediaIds", "0"));
        expect(store, REMOVE, "productMediaRemove", Map.of("p", product, "m", List.of()), "INVALID_VALUE", List.of("mediaIds"));

        expect(store, REORDER, "productMediaReorder", Map.of("p", product, "m", List.of(Map.of("id", otherImage, "newPosition", 0))),
                "NOT_FOUND", List.of("moves", "0", "id"));
        expect(store, REORDER, "productMediaReorder", Map.of("p", product, "m", List.of(Map.of("id", image, "newPosition", 0),
                Map.of("id", image, "newPosition", 1))), "INVALID_VALUE", List.of("moves", "1", "newPosition"));
        expect(store, REORDER, "productMediaReorder", Map.of("p", product, "m", List.of()), "INVALID_VALUE", List.of("moves"));

        assertThat(store.owner().execute(STATE, Map.of("id", product)).prettify()
                + store.owner().execute(STATE, Map.of("id", otherProduct)).prettify()).as("failed calls wrote nothing").isEqualTo(before);

        fifty.remove(0);
        assertThat(store.owner().execute(ADD, Map.of("p", product, "m", fifty)).getList("data.productMediaAdd.media"))
                .as("49 more make exactly 50").hasSize(49);
    }

    @Test
    void mediaMutationsNeedWriteProducts() {
        TestStore store = TestStores.create("media-scope");
        String product = CatalogFixtures.createOk(store, CatalogFixtures.product("Rug", "ACTIVE", "10.00"));
        String image = store.owner().execute(STATE, Map.of("id", product)).getString("data.product.images[0].id");
        String before = store.owner().execute(STATE, Map.of("id", product)).prettify();
        var support = CatalogTestSupport.readOnlyStaff(store);
        Map<String, Object> move = new HashMap<>(Map.of("id", image, "newPosition", 0));

        for (JsonPath body : List.of(
                support.execute(ADD, Map.of("p", product, "m", List.of(Map.of("url", "https://ok.example/1.jpg")))),
                support.execute(REMOVE, Map.of("p", product, "m", List.of(image))),
                support.execute(REORDER, Map.of("p", product, "m", List.of(move))),
                store.storefront().execute(REMOVE, Map.of("p", product, "m", List.of(image))))) {
            assertThat(body.getString("errors[0].extensions.code")).as(body.prettify()).isIn("FORBIDDEN", "UNAUTHENTICATED");
        }
        assertThat(store.owner().execute(STATE, Map.of("id", product)).prettify()).isEqualTo(before);
    }

    private static void expect(TestStore store, String document, String mutation, Map<String, Object> variables, String code,
            List<String> field) {
        JsonPath body = store.owner().execute(document, variables);
        assertThat(body.getString("data." + mutation + ".userErrors[0].code")).as(body.prettify()).isEqualTo(code);
        assertThat(body.getList("data." + mutation + ".userErrors[0].field")).as(code).isEqualTo(field);
        assertThat(body.getString("data." + mutation + ".product")).isNull();
    }
}
