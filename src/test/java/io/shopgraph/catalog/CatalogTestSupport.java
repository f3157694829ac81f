package io.shopgraph.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores.TestStore;

/** Principals the catalog's mutation tests need beyond the owner. */
final class CatalogTestSupport {

    private CatalogTestSupport() {
    }

    /** A SUPPORT staff member of the store: read_products, but not write_products. */
    static GraphQL readOnlyStaff(TestStore store) {
        String subject = "support-" + UUID.randomUUID();
        JsonPath body = store.owner().execute("mutation($i: StaffMemberAddInput!) { staffMemberAdd(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("issuer", LocalOidcIssuer.issuer(), "subject", subject, "role", "SUPPORT")));
        assertThat(body.getList("data.staffMemberAdd.userErrors")).as(body.prettify()).isEmpty();
        return GraphQL.merchant(LocalOidcIssuer.token(subject)).store(store.shopId());
    }
}
