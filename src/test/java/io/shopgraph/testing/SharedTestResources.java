package io.shopgraph.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * The resources every {@code @QuarkusTest} shares: declared once, unrestricted, so all test classes
 * run against one application boot, one embedded PostgreSQL and one OIDC issuer.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(LocalOidcIssuer.class)
@QuarkusTestResource(WebhookReceiverPort.class)
@QuarkusTestResource(StripeWireMock.class)
public final class SharedTestResources {

    private SharedTestResources() {
    }
}
