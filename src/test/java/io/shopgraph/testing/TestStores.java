package io.shopgraph.testing;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.store.application.NewStore;
import io.shopgraph.store.application.StoreCommands;
import io.shopgraph.store.domain.StorePlan;

/**
 * Creates stores for tests through the same use case production uses. Every test makes its own
 * stores, so tests need no cleanup and can run in any order.
 */
public final class TestStores {

    private TestStores() {
    }

    public static TestStore create(String label) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String handle = label + "-" + suffix;
        String storefrontToken = "test-storefront-" + UUID.randomUUID();
        String owner = "owner-" + handle;
        StoreCommands commands = Arc.container().instance(StoreCommands.class).get();
        StoreId id = commands.create(new NewStore("Store " + handle, handle, "EUR", "FR", true, "Europe/Paris",
                StorePlan.STARTER, Optional.of(new MerchantPrincipal(LocalOidcIssuer.issuer(), owner, Optional.empty())),
                Optional.of(storefrontToken)));
        return new TestStore(id, GlobalId.format("Shop", id.value()), handle, storefrontToken, owner);
    }

    /** A store made for a test, with its storefront token and its owner's OIDC subject. */
    public record TestStore(StoreId id, String shopId, String handle, String storefrontToken, String ownerSubject) {

        public GraphQL storefront() {
            return GraphQL.storefront(storefrontToken);
        }

        public GraphQL owner() {
            return GraphQL.merchant(LocalOidcIssuer.token(ownerSubject));
        }
    }
}
