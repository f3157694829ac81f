package io.shopgraph.platform.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * The leaky bucket admits no more cost than its capacity plus its restore rate over the time measured,
 * and refuses the rest with THROTTLED, HTTP 429 and a retry hint. The test profile keeps the customer
 * bucket small (shopgraph.limits.rate.customer.*), so this is measured on a signed-in customer.
 */
@QuarkusTest
class RateLimitTest {

    static final String QUERY = "{ customer { id } products(first: 50) { nodes { featuredImage { url } } } }";

    @Test
    void admittedCostStaysWithinCapacityPlusRateTimesTime() {
        long capacity = ConfigProvider.getConfig().getValue("shopgraph.limits.rate.customer.capacity", Long.class);
        long rate = ConfigProvider.getConfig().getValue("shopgraph.limits.rate.customer.restore-per-second", Long.class);
        TestStore store = TestStores.create("rate");
        String email = "rate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        store.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "right password")));
        String token = store.storefront().execute("mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { "
                + "customerAccessToken { accessToken } } }", Map.of("i", Map.of("email", email, "password", "right password")))
                .getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");

        long admittedCost = 0;
        int throttled = 0;
        Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            Response response = store.storefront().header("X-Customer-Token", token).post(QUERY, Map.of());
            if (response.statusCode() == 200) {
                assertThat(response.jsonPath().getList("errors")).as(response.asString()).isNull();
                admittedCost += response.jsonPath().getLong("extensions.cost.requestedQueryCost");
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("THROTTLED");
                assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
                assertThat(response.jsonPath().getLong("errors[0].extensions.retryAfterSeconds")).isPositive();
                throttled++;
                refused = response;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("rate limit: admitted cost %d in %.2f s = %.1f/s after a bucket of %d; configured %d/s; %d of 40 throttled%n",
                admittedCost, seconds, (admittedCost - capacity) / seconds, capacity, rate, throttled);
        assertThat(throttled).as("some requests are refused").isPositive();
        assertThat(refused).isNotNull();
        assertThat((double) admittedCost).as("admitted cost").isLessThanOrEqualTo(capacity + rate * seconds + 1);
        assertThat(admittedCost).as("the bucket's capacity is usable").isGreaterThanOrEqualTo(capacity - 60);
    }
}
