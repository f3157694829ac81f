package io.shopgraph.catalog;

import static io.restassured.RestAssured.given;
import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopgraph.platform.cache.StorefrontCache;
import io.shopgraph.platform.graphql.StorefrontCacheRoute;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** CDN-ready public reads over HTTP: queries over GET, Apollo persisted queries, Cache-Control, ETag and 304. */
@QuarkusTest
class CdnReadsTest {

    static final String LIST = "{ products(first: 5, sortKey: TITLE) { nodes { title } } }";

    @Inject
    StorefrontCache cache;

    private static Response get(TestStore store, Map<String, String> params, Map<String, String> headers) {
        return given().header("X-Storefront-Token", store.storefrontToken()).headers(headers).queryParams(params).get("/graphql");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String persisted(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    @Test
    void aQueryWorksOverGetWithAStorefrontToken() {
        TestStore store = TestStores.create("cdn-get");
        createOk(store, product("Beret", "ACTIVE", "5.00"));
        Response response = get(store, Map.of("query", LIST), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getList("data.products.nodes.title")).containsExactly("Beret");
    }

    @Test
    void automaticPersistedQueries() throws Exception {
        TestStore store = TestStores.create("cdn-apq");
        createOk(store, product("Cap", "ACTIVE", "5.00"));
        String query = "{ products(first: 3) { nodes { title } } }";
        String hash = sha256(query);

        Response miss = get(store, Map.of("extensions", persisted(hash)), Map.of());
        assertThat(miss.jsonPath().getString("errors[0].message")).isEqualTo("PersistedQueryNotFound");
        assertThat(miss.jsonPath().getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        Response withQuery = get(store, Map.of("query", query, "extensions", persisted(hash)), Map.of());
        assertThat(withQuery.jsonPath().getList("data.products.nodes.title")).containsExactly("Cap");

        Response hashAlone = get(store, Map.of("extensions", persisted(hash)), Map.of());
        assertThat(hashAlone.jsonPath().getList("data.products.nodes.title")).containsExactly("Cap");

        // POST speaks the same protocol.
        Response posted = given().contentType(ContentType.JSON).header("X-Storefront-Token", store.storefrontToken())
                .body("{\"extensions\":" + persisted(hash) + "}").post("/graphql");
        assertThat(posted.jsonPath().getList("data.products.nodes.title")).containsExactly("Cap");

        Response wrong = get(store, Map.of("query", "{ shop { name } }", "extensions", persisted(hash)), Map.of());
        assertThat(wrong.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(wrong.jsonPath().getString("data")).isNull();
    }

    @Test
    void aMutationOverGetIsRefusedAndWritesNothing() {
        TestStore store = TestStores.create("cdn-mut");
        String id = createOk(store, product("Glove", "ACTIVE", "5.00"));
        String mutation = "mutation { productUpdate(id: \"" + id + "\", input: {title: \"Changed\"}) { product { title } } }";
        Response refused = store.owner().header("Accept", "application/json").getRequest(mutation);
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(store.owner().execute("{ product(id: \"" + id + "\") { title } }").getString("data.product.title"))
                .isEqualTo("Glove");
    }

    @Test
    void publicReadsAreCacheableWithAnEtagAndMerchantReadsAreNot() {
        TestStore store = TestStores.create("cdn-etag");
        createOk(store, product("Scarf", "ACTIVE", "5.00"));
        await(cache::listening, "the change listener to connect");
        store.storefront().execute("{ shop { name } }");
        await(() -> "hit".equals(get(store, Map.of("query", LIST), Map.of()).header(StorefrontCacheRoute.CACHE_HEADER)),
                "the read to be cached");

        Response hit = get(store, Map.of("query", LIST), Map.of());
        assertThat(hit.header("Cache-Control")).startsWith("public, max-age=").contains("stale-while-revalidate=");
        assertThat(hit.header("Vary")).contains("X-Storefront-Token").contains("Accept-Language").contains("Origin");
        String etag = hit.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        Response notModified = get(store, Map.of("query", LIST), Map.of("If-None-Match", etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.asByteArray()).isEmpty();
        Response other = get(store, Map.of("query", LIST), Map.of("If-None-Match", "\"other\""));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.asString()).isEqualTo(hit.asString());

        Response merchant = store.owner().post("{ products(first: 5) { nodes { title } } }", Map.of());
        assertThat(merchant.header("Cache-Control")).isEqualTo("no-store");
        assertThat(merchant.header("ETag")).isNull();
        Response customerless = store.storefront().post("mutation { __typename }", Map.of());
        assertThat(customerless.header("Cache-Control")).isEqualTo("no-store");
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
