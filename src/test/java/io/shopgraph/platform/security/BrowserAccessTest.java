package io.shopgraph.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopgraph.platform.graphql.StorefrontCacheRoute;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * CORS over real HTTP: pages on any origin may call every API path with the token headers, never with
 * credentials, and preflights are answered before authentication and the GraphQL engine. The browser half
 * of the story (Chromium honouring these headers) is in {@code io.shopgraph.browser.StorefrontInBrowserTest}.
 */
@QuarkusTest
class BrowserAccessTest {

    static final String ORIGIN = "https://shop.example.com";

    @Test
    void aPreflightIsAnsweredWithTheTokenHeadersAndCachedByTheBrowser() {
        Response preflight = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-storefront-token,x-customer-token")
                .when().options("/graphql");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        List<String> allowed = Arrays.stream(preflight.header("Access-Control-Allow-Headers").split(","))
                .map(h -> h.trim().toLowerCase()).toList();
        assertThat(allowed).contains("content-type", "x-storefront-token", "x-customer-token", "x-session-token",
                "authorization", "x-store-id");
        assertThat(Long.parseLong(preflight.header("Access-Control-Max-Age"))).isGreaterThanOrEqualTo(600);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight.asString()).isEmpty();
    }

    @Test
    void aPreflightOfAnAuthenticatedMerchantCallNeedsNoToken() {
        Response preflight = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,x-store-id,content-type")
                .when().options("/graphql");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void answersCarryTheCorsHeadersWhateverTheirOutcome() {
        TestStore store = TestStores.create("cors-answers");
        String query = "{ shop { name } }";

        Response ok = withOrigin(store.storefront()).post(query, Map.of());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.jsonPath().getString("data.shop.name")).isEqualTo("Store " + store.handle());
        assertCors(ok);
        withOrigin(store.storefront()).post(query, Map.of()); // the token is known now: this answer is stored
        Response cached = withOrigin(store.storefront()).post(query, Map.of());
        assertThat(cached.header(StorefrontCacheRoute.CACHE_HEADER)).as("served from the storefront cache").isEqualTo("hit");
        assertCors(cached);
        assertThat(cached.header("Access-Control-Expose-Headers")).contains(StorefrontCacheRoute.CACHE_HEADER);

        assertCors(withOrigin(GraphQL.anonymous()).post(query, Map.of()));
        assertCors(withOrigin(store.storefront()).post("{ shop { ", Map.of()));
        Response badBearer = withOrigin(GraphQL.merchant("not-a-token")).post(query, Map.of());
        assertThat(badBearer.statusCode()).isEqualTo(401);
        assertCors(badBearer);
        Response tooLarge = given().header("Origin", ORIGIN).contentType(ContentType.JSON)
                .body("{\"query\":\"{ shop { name } }\",\"x\":\"" + "x".repeat(300 * 1024) + "\"}").post("/graphql");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertCors(tooLarge);
        Response schema = given().header("Origin", ORIGIN).get("/graphql/schema.graphql");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertCors(schema);
        assertCors(given().header("Origin", ORIGIN).get("/q/health/live"));
    }

    private static GraphQL withOrigin(GraphQL client) {
        return client.header("Origin", ORIGIN);
    }

    private static void assertCors(Response response) {
        assertThat(response.header("Access-Control-Allow-Origin")).as("status %s", response.statusCode()).isEqualTo("*");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    }
}
