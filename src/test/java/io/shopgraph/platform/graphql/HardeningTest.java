package io.shopgraph.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Issue 8, "What was seen": each abuse answers a clean coded error (items 1, 4, 5, 6, 7, 8, 9, 10). */
@QuarkusTest
class HardeningTest {

    static final String FILTERED = "query($m: Decimal, $x: Decimal) { products(first: 10, filter: {minPrice: $m, maxPrice: $x}) "
            + "{ nodes { title } } }";

    TestStore store;

    @BeforeEach
    void createStore() {
        store = TestStores.create("hard");
        store.storefront().execute("{ shop { id } }");
    }

    private void product(String title) {
        var body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("title", title, "status", "ACTIVE", "variants", List.of(Map.of("price", "10.00")))));
        assertThat(body.getList("data.productCreate.userErrors")).isEmpty();
    }

    static void assertClean(Response response) {
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isLessThan(500);
        assertThat(body).doesNotContain("Exception", "java.", "io.shopgraph", "io.smallrye", "graphql.", "SRGQL", "\tat ",
                "classification", "INTERNAL");
    }

    private static Response raw(String contentType, String body) {
        var request = given().header("X-Storefront-Token", "whatever").body(body);
        if (contentType != null) {
            request.contentType(contentType);
        }
        return request.post("/graphql");
    }

    @Test
    void decimalExponentsAreRefusedBeforeAnyExpansionNamingTheArgument() {
        for (String bad : List.of("1e300000", "1e1000000", "-1e-999999", "1e999", "NaN", "Infinity", "12.1234567", "1" + "0".repeat(70),
                "0x10", " 1", "")) {
            long before = SqlStatementCounter.requestTotal();
            Response response = store.storefront().post(FILTERED, Map.of("m", bad));
            assertClean(response);
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).as(bad).isEqualTo("BAD_REQUEST");
            assertThat(response.jsonPath().getString("errors[0].message")).as(bad).contains("'m'").contains("Decimal");
            assertThat(SqlStatementCounter.requestTotal()).as("no SQL for " + bad).isEqualTo(before);
        }
        Response literal = store.storefront().post("{ products(first: 1, filter: {minPrice: \"1e1000000\"}) { nodes { id } } }", Map.of());
        assertClean(literal);
        assertThat(literal.jsonPath().getString("errors[0].message")).contains("minPrice");
    }

    @Test
    void decimalsAcceptStringsAndJsonNumbersAndHugeBoundsDoNotWrapAround() {
        product("Cheap Tee");
        assertThat(store.storefront().execute(FILTERED, Map.of("m", 5)).getList("data.products.nodes.title")).containsExactly("Cheap Tee");
        assertThat(store.storefront().execute(FILTERED, Map.of("m", 5.5)).getList("data.products.nodes.title")).containsExactly("Cheap Tee");
        assertThat(store.storefront().execute(FILTERED, Map.of("m", "999999999999999")).getList("data.products.nodes"))
                .as("a huge minimum finds nothing").isEmpty();
        assertThat(store.storefront().execute(FILTERED, Map.of("x", "999999999999999.99")).getList("data.products.nodes.title"))
                .as("a huge maximum finds everything").containsExactly("Cheap Tee");
        assertThat(store.storefront().execute("{ products(first: 5, filter: {minPrice: 11}) { nodes { title } } }")
                .getList("data.products.nodes")).as("a number literal").isEmpty();
    }

    @Test
    void malformedEnvelopesAnswer400WithACode() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        for (String body : List.of("{\"query\": \"{ shop { id } }\", \"variables\": \"x\"}", "{\"query\": \"{ shop { id } }\", \"operationName\": 5}",
                "{\"query\": \"{ shop { id } }\", \"variables\": {\"a\": " + deep + "}}", "{\"query\": \"{ shop { id } }\", \"extensions\": " + deep + "}",
                "[{\"query\": \"{ shop { id } }\"}]", "{}", "{\"query\": 5}", "{\"query\": null}", "{\"query\": \"{ shop ", "not json", "",
                "{\"query\": \"{ shop { id } }\", \"variables\": {\"n\": " + "9".repeat(200) + "}}")) {
            Response response = raw("application/json", body);
            assertClean(response);
            assertThat(response.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        }
        Response form = raw("application/x-www-form-urlencoded", "query=%7B%20shop%20%7B%20id%20%7D%20%7D");
        assertClean(form);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aBadBearerTokenIsAGraphQLErrorNotPlainText() {
        Response response = GraphQL.merchant("not.a.jwt").post("{ shop { id } }", Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void thePublicBodyLimitHoldsForAnyAuthorizationHeaderThatIsNotAVerifiedToken() {
        String padding = "x".repeat(300 * 1024);
        Response response = store.storefront().header("Authorization", "Basic Zm9vOmJhcg==").post("{ shop { id } } # " + padding, Map.of());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void aPublicNoCacheHeaderDoesNotBypassTheStorefrontCache() {
        product("Cached Tee");
        String list = "{ products(first: 5) { nodes { title } } }";
        String state = null;
        for (int i = 0; i < 50 && !"hit".equals(state); i++) {
            state = store.storefront().header("Cache-Control", "no-cache").post(list, Map.of()).header(StorefrontCacheRoute.CACHE_HEADER);
        }
        assertThat(state).as("no-cache without the bypass secret is served from the cache").isEqualTo("hit");
        long before = SqlStatementCounter.requestTotal();
        Response bypass = store.storefront().uncached().post(list, Map.of());
        assertThat(bypass.header(StorefrontCacheRoute.CACHE_HEADER)).isNull();
        assertThat(SqlStatementCounter.requestTotal()).as("the secret skips the cache").isGreaterThan(before);
        Response wrongSecret = store.storefront().header("Cache-Control", "no-cache").header("X-ShopGraph-Cache-Bypass", "guess")
                .post(list, Map.of());
        assertThat(wrongSecret.header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("hit");
    }

    @Test
    void aFragmentFanOutIsRefusedBeforeExecutionWithItsCost() {
        StringBuilder document = new StringBuilder("{ products(first: 1) { nodes { ...F0 } } }\n");
        for (int i = 0; i < 22; i++) {
            document.append("fragment F").append(i).append(" on Product { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }\n");
        }
        document.append("fragment F22 on Product { featuredImage { url } }");
        long before = SqlStatementCounter.requestTotal();
        Response response = store.storefront().post(document.toString(), Map.of());
        assertClean(response);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(response.jsonPath().getLong("extensions.cost.requestedQueryCost")).isEqualTo(2 + (1L << 22));
        assertThat(response.jsonPath().getString("data")).isNull();
        assertThat(SqlStatementCounter.requestTotal()).isEqualTo(before);
    }

    @Test
    void everyResponseCarriesItsCost() {
        Response response = store.storefront().post("{ products(first: 10) { nodes { featuredImage { url } } } }", Map.of());
        assertThat(response.jsonPath().getLong("extensions.cost.requestedQueryCost")).isEqualTo(12);
        assertThat(response.jsonPath().getLong("extensions.cost.maximumAvailable")).isPositive();
    }

    @Test
    void nulAndOtherForbiddenCodePointsAreRefusedNamingTheField() {
        for (String bad : List.of("a\u0000b", "\uD800", "x\uFFFF")) {
            long before = SqlStatementCounter.requestTotal();
            Response variable = store.storefront().post("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                    Map.of("i", Map.of("email", "n" + UUID.randomUUID() + "@example.com", "password", "long enough", "firstName", bad)));
            assertClean(variable);
            assertThat(variable.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
            assertThat(variable.jsonPath().getString("errors[0].message")).contains("i.firstName");
            assertThat(SqlStatementCounter.requestTotal()).isEqualTo(before);
        }
        Response literal = store.owner().post("mutation { productCreate(input: {title: \"a\\u0000b\"}) { userErrors { code } } }", Map.of());
        assertClean(literal);
        assertThat(literal.jsonPath().getString("errors[0].message")).contains("input");
    }

    @Test
    void aDateTimeOutsideTheStorableRangeIsABadRequest() {
        for (String bad : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "yesterday")) {
            Response response = store.owner().post("mutation($i: ProductCreateInput!) { productCreate(input: $i) { userErrors { code } } }",
                    Map.of("i", Map.of("title", "Dated", "publishedAt", bad)));
            assertClean(response);
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).as(bad).isEqualTo("BAD_REQUEST");
        }
        assertThat(store.owner().execute("{ products(first: 5) { nodes { title } } }").getList("data.products.nodes")).isEmpty();
    }

    @Test
    void anUnexpectedFailureInTheHttpLayerIsACodedErrorWithoutStackTraceInAnyLaunchMode() {
        // The failure handler answers before Quarkus' error page, which shows stack traces in dev and test mode:
        // it does not look at the launch mode, so this test-mode answer is the production answer.
        Response response = store.storefront().header(TestFailureRoute.HEADER, "1").post("{ shop { id } }", Map.of());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("INTERNAL");
        assertThat(response.asString()).doesNotContain(TestFailureRoute.SECRET, "IllegalStateException", "\tat ", "java.");
    }

    @Test
    void aStatementRunningPastTheDeadlineIsCancelledAndAnswersTimeout() {
        long started = System.nanoTime();
        Response response = store.storefront().post("query($id: ID!) { node(id: $id) { id } }",
                Map.of("id", GlobalId.format(SleepingNodeSource.TYPE, UUID.randomUUID())));
        assertClean(response);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("TIMEOUT");
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("pg_sleep(60) was cancelled").isLessThan(55);
    }
}
