package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.platform.graphql.StorefrontCacheRoute;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** A merchant restricts a storefront token to the origins of its sites; pages elsewhere are refused. */
@QuarkusTest
class StorefrontTokenOriginsTest {

    static final String CREATE = "mutation($i: StorefrontAccessTokenCreateInput!) { storefrontAccessTokenCreate(input: $i) { "
            + "accessToken storefrontAccessToken { id allowedOrigins } userErrors { field code message } } }";
    static final String UPDATE = "mutation($id: ID!, $i: StorefrontAccessTokenUpdateInput!) { storefrontAccessTokenUpdate(id: $id, "
            + "input: $i) { storefrontAccessToken { id title allowedOrigins } userErrors { field code message } } }";
    static final String PAGE = "{ shop { name } products(first: 1) { nodes { id } } }";

    @Test
    void aRestrictedTokenWorksFromItsOriginsOnlyEvenWhenItsAnswersAreCached() {
        TestStore store = TestStores.create("sat-origins");
        JsonPath created = store.owner().execute(CREATE, Map.of("i", Map.of("title", "Main site",
                "allowedOrigins", List.of("https://Shop.Example.com", "https://*.example.org"))));
        assertThat(created.getList("data.storefrontAccessTokenCreate.userErrors")).isEmpty();
        assertThat(created.getList("data.storefrontAccessTokenCreate.storefrontAccessToken.allowedOrigins"))
                .containsExactly("https://shop.example.com", "https://*.example.org");
        String token = created.getString("data.storefrontAccessTokenCreate.accessToken");

        for (String allowed : List.of("https://shop.example.com", "https://www.example.org")) {
            for (int i = 0; i < 2; i++) {
                JsonPath ok = from(token, allowed).post(PAGE, Map.of()).jsonPath();
                assertThat(ok.getList("errors")).as(allowed).isNull();
                assertThat(ok.getString("data.shop.name")).isEqualTo("Store " + store.handle());
            }
        }
        // Server-side callers send no Origin: the restriction is a guard for browsers, not a secret.
        assertThat(GraphQL.storefront(token).execute(PAGE).getString("data.shop.name")).isEqualTo("Store " + store.handle());

        for (String refused : List.of("https://evil.example.net", "https://example.org", "http://shop.example.com", "null")) {
            Response response = from(token, refused).post(PAGE, Map.of());
            assertThat(response.header(StorefrontCacheRoute.CACHE_HEADER)).as("never answered from the cache").isNotEqualTo("hit");
            JsonPath body = response.jsonPath();
            assertThat(body.getList("errors.extensions.code", String.class)).as(refused).isNotEmpty()
                    .allMatch("ORIGIN_NOT_ALLOWED"::equals);
            assertThat(body.getString("errors[0].message")).contains("origin");
            assertThat(body.getString("data")).isNull();
        }
    }

    @Test
    void updatingTheOriginsAppliesAtOnceAndAnEmptyListLiftsTheRestriction() {
        TestStore store = TestStores.create("sat-origins-upd");
        JsonPath created = store.owner().execute(CREATE, Map.of("i", Map.of("title", "Site")));
        String token = created.getString("data.storefrontAccessTokenCreate.accessToken");
        String id = created.getString("data.storefrontAccessTokenCreate.storefrontAccessToken.id");
        assertThat(created.getList("data.storefrontAccessTokenCreate.storefrontAccessToken.allowedOrigins")).isEmpty();
        assertThat(codes(from(token, "https://anywhere.example").post(PAGE, Map.of()).jsonPath())).isEmpty();

        JsonPath restricted = store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("allowedOrigins", List.of("http://localhost:3000"))));
        assertThat(restricted.getList("data.storefrontAccessTokenUpdate.userErrors")).isEmpty();
        assertThat(restricted.getString("data.storefrontAccessTokenUpdate.storefrontAccessToken.title")).isEqualTo("Site");
        assertThat(codes(from(token, "https://anywhere.example").post(PAGE, Map.of()).jsonPath())).containsOnly("ORIGIN_NOT_ALLOWED");
        assertThat(codes(from(token, "http://localhost:3000").post(PAGE, Map.of()).jsonPath())).isEmpty();

        JsonPath renamed = store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("title", "Renamed")));
        assertThat(renamed.getList("data.storefrontAccessTokenUpdate.storefrontAccessToken.allowedOrigins"))
                .as("omitted origins stay").containsExactly("http://localhost:3000");

        store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("allowedOrigins", List.of())));
        assertThat(codes(from(token, "https://anywhere.example").post(PAGE, Map.of()).jsonPath())).isEmpty();
    }

    @Test
    void invalidOriginsAreUserErrorsNamingTheEntryAndChangeNothing() {
        TestStore store = TestStores.create("sat-origins-bad");
        JsonPath created = store.owner().execute(CREATE, Map.of("i", Map.of("title", "Site")));
        String id = created.getString("data.storefrontAccessTokenCreate.storefrontAccessToken.id");

        JsonPath bad = store.owner().execute(CREATE, Map.of("i", Map.of("title", "Bad", "allowedOrigins",
                List.of("https://ok.example.com", "https://shop.example.com/path"))));
        assertThat(bad.getString("data.storefrontAccessTokenCreate.userErrors[0].code")).isEqualTo("INVALID_ORIGIN");
        assertThat(bad.getList("data.storefrontAccessTokenCreate.userErrors[0].field")).containsExactly("input", "allowedOrigins", "1");
        assertThat(bad.getString("data.storefrontAccessTokenCreate.accessToken")).isNull();

        JsonPath badUpdate = store.owner().execute(UPDATE, Map.of("id", id, "i", Map.of("title", "New", "allowedOrigins",
                List.of("javascript:alert(1)"))));
        assertThat(badUpdate.getString("data.storefrontAccessTokenUpdate.userErrors[0].code")).isEqualTo("INVALID_ORIGIN");
        JsonPath listed = store.owner().execute("{ storefrontAccessTokens(first: 20) { nodes { id title allowedOrigins } } }");
        assertThat(listed.getList("data.storefrontAccessTokens.nodes.title")).contains("Site").doesNotContain("New", "Bad");

        JsonPath unknown = store.owner().execute(UPDATE, Map.of("id", "gid://shopgraph/StorefrontAccessToken/00000000-0000-0000-0000-000000000000",
                "i", Map.of("title", "x")));
        assertThat(unknown.getString("data.storefrontAccessTokenUpdate.userErrors[0].code")).isEqualTo("NOT_FOUND");
    }

    private static GraphQL from(String token, String origin) {
        return GraphQL.storefront(token).header("Origin", origin);
    }

    private static List<String> codes(JsonPath body) {
        List<String> codes = body.getList("errors.extensions.code", String.class);
        return codes == null ? List.of() : codes;
    }
}
