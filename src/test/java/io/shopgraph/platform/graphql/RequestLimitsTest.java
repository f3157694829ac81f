package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Abusive requests are refused with a coded error before any resolver or SQL statement runs. */
@QuarkusTest
class RequestLimitsTest {

    TestStore store;

    @BeforeEach
    void createStore() {
        store = TestStores.create("limits");
        store.storefront().execute("{ shop { id } }"); // caches the storefront token
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefused() {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name "
                + "} } } } } } } } } } } } } } } } } } }";

        assertRefusedWithoutSql(() -> store.storefront().post(deep, Map.of()), 200, "LIMIT_EXCEEDED");
    }

    @Test
    void aQueryWithTooManyFieldsIsRefused() {
        String fields = IntStream.range(0, 1500).mapToObj(i -> "f" + i + ": id").collect(Collectors.joining(" "));

        assertRefusedWithoutSql(() -> store.storefront().post("{ shop { " + fields + " } }", Map.of()), 200, "LIMIT_EXCEEDED");
    }

    @Test
    void aQueryWithThousandsOfFieldsBeyondTheParserLimitIsRefused() {
        String fields = IntStream.range(0, 6000).mapToObj(i -> "f" + i + ": id").collect(Collectors.joining(" "));

        assertRefusedWithoutSql(() -> store.storefront().post("{ shop { " + fields + " } }", Map.of()), 200, "LIMIT_EXCEEDED");
    }

    @Test
    void anOversizedBodyIsRefused() {
        long limit = new io.quarkus.runtime.configuration.MemorySizeConverter().convert(org.eclipse.microprofile.config.ConfigProvider
                .getConfig().getValue("quarkus.http.limits.max-body-size", String.class)).asLongValue();
        String padding = "x".repeat((int) limit + 1024);

        assertRefusedWithoutSql(() -> store.storefront().post("{ shop { id } } # " + padding, Map.of()), 413, "LIMIT_EXCEEDED");
    }

    @Test
    void aDocumentOverTheCharacterLimitIsRefusedAsTooLarge() {
        String comment = "#" + "x".repeat(100_001);

        assertRefusedWithoutSql(() -> store.storefront().post("{ shop { id } } " + comment, Map.of()), 200, "LIMIT_EXCEEDED");
    }

    @Test
    void requestsWithoutAMerchantTokenHaveTheSmallerPublicBodyLimit() {
        long publicLimit = new io.quarkus.runtime.configuration.MemorySizeConverter().convert(org.eclipse.microprofile.config.ConfigProvider
                .getConfig().getOptionalValue("shopgraph.http.max-public-body-size", String.class).orElse("256K")).asLongValue();
        String padding = "x".repeat((int) publicLimit + 1024);

        Response refused = assertRefusedWithoutSql(() -> store.storefront().post("{ shop { id } } # " + padding, Map.of()), 413,
                "LIMIT_EXCEEDED");
        assertThat(refused.jsonPath().getString("errors[0].message")).contains("merchant token");
        Response merchant = store.owner().post("{ shop { id } } # " + padding, Map.of());
        assertThat(merchant.statusCode()).isEqualTo(200);
        assertThat(merchant.jsonPath().getString("errors[0].extensions.code")).as(merchant.asString()).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void aSyntaxErrorIsABadRequestWithItsPosition() {
        Response response = assertRefusedWithoutSql(() -> store.storefront().post("{ shop { id ", Map.of()), 200, "BAD_REQUEST");

        assertThat(response.jsonPath().getString("errors[0].message")).contains("line 1");
    }

    @Test
    void anUnknownFieldIsABadRequest() {
        assertRefusedWithoutSql(() -> store.storefront().post("{ shop { nme } }", Map.of()), 200, "BAD_REQUEST");
    }

    @Test
    void aPageLargerThanOneHundredIsRefused() {
        Response response = store.owner().post("{ storefrontAccessTokens(first: 101) { nodes { id } } }", Map.of());

        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(response.jsonPath().getString("data")).isNull();
    }

    private static Response assertRefusedWithoutSql(Supplier<Response> request, int status, String code) {
        long before = SqlStatementCounter.requestTotal();
        Response response = request.get();
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("data")).isNull();
        assertThat(SqlStatementCounter.requestTotal()).as("SQL statements run").isEqualTo(before);
        return response;
    }
}
