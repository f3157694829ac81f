package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Parse once: a document text is parsed and validated once, whoever reads it (request guard, cost limits,
 * storefront cache route, SmallRye's operation lookup, graphql-java), and a repeated document not again.
 * Counts parses and validations, never times.
 */
@QuarkusTest
class ParseOnceTest {

    @Inject
    ParsedDocuments documents;

    TestStore store;

    @BeforeEach
    void createStore() {
        store = TestStores.create("parse-once");
        store.storefront().execute("{ shop { id } }"); // caches the storefront token
    }

    @Test
    void aRepeatedDocumentIsParsedAndValidatedOnce() {
        // A text no other test sends, so the counters move for this one only (tests run one at a time).
        String query = "query ParseOnce" + System.nanoTime() + " { shop { name } products(first: 2) { nodes { id title } } }";
        long parses = documents.parses();
        long validations = documents.validations();
        long fallbacks = documents.engineParses();

        for (int i = 0; i < 3; i++) {
            assertThat(store.storefront().uncached().execute(query, Map.of()).getString("data.shop.name")).isNotNull();
        }
        assertThat(store.storefront().execute(query, Map.of()).getString("data.shop.name")).isNotNull(); // through the cache route
        assertThat(store.storefront().getRequest(query).then().extract().jsonPath().getString("data.shop.name")).isNotNull();

        assertThat(documents.parses() - parses).isEqualTo(1);
        assertThat(documents.validations() - validations).isEqualTo(1);
        assertThat(documents.engineParses() - fallbacks).isZero();
    }

    @Test
    void aMutationIsParsedOnceToo() {
        String mutation = "mutation ParseOnce" + System.nanoTime() + " { cartCreate { cart { id } userErrors { code } } }";
        long parses = documents.parses();
        long validations = documents.validations();

        for (int i = 0; i < 3; i++) {
            assertThat(store.storefront().execute(mutation, Map.of()).getString("data.cartCreate.cart.id")).isNotBlank();
        }

        assertThat(documents.parses() - parses).isEqualTo(1);
        assertThat(documents.validations() - validations).isEqualTo(1);
    }

    @Test
    void aRepeatedSyntaxErrorIsParsedOnceAndAnsweredWithItsCode() {
        String broken = "{ shop { name " + System.nanoTime();
        long parses = documents.parses();

        for (int i = 0; i < 3; i++) {
            assertThat(store.storefront().post(broken, Map.of()).then().extract().jsonPath().getString("errors[0].extensions.code"))
                    .isEqualTo("BAD_REQUEST");
        }

        assertThat(documents.parses() - parses).isEqualTo(1);
    }

    @Test
    void anInvalidDocumentKeepsGraphqlJavasValidationError() {
        String invalid = "{ shop { noSuchField" + System.nanoTime() + " } }";
        long validations = documents.validations();

        for (int i = 0; i < 2; i++) {
            var json = store.storefront().post(invalid, Map.of()).then().extract().jsonPath();
            assertThat(json.getString("errors[0].message")).contains("noSuchField");
            assertThat(json.getString("errors[0].extensions.code")).isNotBlank();
        }

        assertThat(documents.validations() - validations).isEqualTo(1);
    }
}
