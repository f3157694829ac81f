package io.shopgraph.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shopgraph.customers.application.PasswordHasher;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;
import jakarta.persistence.EntityManager;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issue 8, items 2 and 3: a flood of sign-ins with slow password checks neither starves other stores of
 * database connections nor passes the throttle by concurrency.
 */
@QuarkusTest
class SignInFloodTest {

    static final String SIGN_IN = "mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { "
            + "customerAccessToken { accessToken } userErrors { code } } }";

    @Test
    void fiftyParallelGuessesAtOneEmailAreThrottledAtomicallyAndOtherStoresKeepReading() throws Exception {
        TestStore victim = TestStores.create("flood");
        TestStore neighbour = TestStores.create("flood-neighbour");
        neighbour.storefront().execute("{ shop { id } }");
        String email = "flood-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(victim.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "right password"))).getList("data.customerCreate.userErrors")).isEmpty();
        // Production's cost (600,000 PBKDF2 iterations, about a second per check), so each guess is really slow.
        String slowHash = new PasswordHasherAccess().slowHash("right password");
        Arc.container().instance(TenantScope.class).get().run(victim.id(), () -> QuarkusTransaction.requiringNew().run(() ->
                Arc.container().instance(EntityManager.class).get().createNativeQuery(
                        "update customers.customer set password_hash = ?1 where email = ?2").setParameter(1, slowHash).setParameter(2, email)
                        .executeUpdate()));

        ExecutorService pool = Executors.newFixedThreadPool(60);
        try {
            List<Future<Response>> guesses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String password = i == 49 ? "right password" : "wrong password " + i;
                guesses.add(pool.submit(() -> victim.storefront().post(SIGN_IN, Map.of("i", Map.of("email", email, "password", password)))));
            }
            List<Future<Response>> reads = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                reads.add(pool.submit(() -> neighbour.storefront().header("X-ShopGraph-Cache-Bypass", "test-cache-bypass")
                        .header("Cache-Control", "no-cache").post("{ products(first: 5) { nodes { id } } shop { name } }", Map.of())));
            }
            for (Future<Response> read : reads) {
                Response r = read.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
                assertThat(r.jsonPath().getList("errors")).as(r.asString()).isNull();
            }
            int evaluated = 0;
            int throttled = 0;
            for (Future<Response> guess : guesses) {
                Response r = guess.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.jsonPath().getString("data.customerAccessTokenCreate.customerAccessToken")).as("no guess succeeds").isNull();
                String code = r.jsonPath().getString("data.customerAccessTokenCreate.userErrors[0].code");
                if ("THROTTLED".equals(code)) {
                    throttled++;
                } else {
                    assertThat(code).isEqualTo("INVALID_CREDENTIALS");
                    evaluated++;
                }
            }
            assertThat(evaluated).as("at most the free attempts per email are evaluated").isLessThanOrEqualTo(5);
            assertThat(throttled).isEqualTo(50 - evaluated);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The production hasher's format at production cost, without changing the running hasher. */
    static final class PasswordHasherAccess {
        String slowHash(String password) {
            return Arc.container().instance(PasswordHasher.class).get().hashWithIterations(password, 600_000);
        }
    }
}
