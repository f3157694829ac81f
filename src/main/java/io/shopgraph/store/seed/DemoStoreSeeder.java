package io.shopgraph.store.seed;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.platform.kernel.DemoConfig;
import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.application.NewStore;
import io.shopgraph.store.application.StaffCommands;
import io.shopgraph.store.application.StoreCommands;
import io.shopgraph.store.domain.StorePlan;

/**
 * Creates the "Demo Store" once, in dev mode (shopgraph.demo.enabled), through the same use case
 * that creates every store, with the storefront token the README documents.
 */
// Left out of native images (shopgraph.seed.excluded, application.properties); -Dshopgraph.seed.excluded=false keeps it.
@UnlessBuildProperty(name = "shopgraph.seed.excluded", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class DemoStoreSeeder {

    public static final String DEMO_HANDLE = "demo";

    private final boolean enabled;
    private final String storefrontToken;
    private final StoreCommands commands;
    private final StoreApi stores;
    private final Optional<String> devIssuer;
    private final String devOwner;
    private final io.shopgraph.platform.tenancy.TenantScope tenantScope;
    private final StaffCommands staff;

    DemoStoreSeeder(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> devIssuer,
            DemoConfig config, io.shopgraph.platform.tenancy.TenantScope tenantScope, StaffCommands staff,
            StoreCommands commands, StoreApi stores) {
        this.enabled = config.enabled();
        this.storefrontToken = config.storefrontToken();
        this.commands = commands;
        this.stores = stores;
        this.devIssuer = devIssuer;
        this.devOwner = config.owner();
        this.tenantScope = tenantScope;
        this.staff = staff;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Optional<io.shopgraph.platform.kernel.StoreId> existing = QuarkusTransaction.requiringNew()
                .call(() -> stores.storeByHandle(DEMO_HANDLE));
        io.shopgraph.platform.kernel.StoreId id = existing.orElseGet(() -> {
            io.shopgraph.platform.kernel.StoreId created = commands.create(new NewStore("Demo Store", DEMO_HANDLE, "EUR", "FR", true,
                    "Europe/Paris", StorePlan.GROWTH, Optional.<MerchantPrincipal>empty(), Optional.of(storefrontToken)));
            Log.infof("Seeded the demo store '%s' with its storefront token", DEMO_HANDLE);
            return created;
        });
        addDevOwner(id);
    }

    /**
     * The dev OIDC server gets a new URL (issuer) on every start, so its user {@code alice} is made
     * owner of the demo store under the current issuer each time (docs/identity.md).
     */
    private void addDevOwner(io.shopgraph.platform.kernel.StoreId id) {
        if (devIssuer.isEmpty() || devIssuer.get().isBlank()) {
            return;
        }
        String issuer = devIssuer.get().replaceAll("/+$", "");
        try {
            tenantScope.run(id, () -> staff.add(issuer, devOwner, io.shopgraph.store.domain.StaffRole.OWNER));
            Log.infof("Made '%s' of %s an OWNER of the demo store", devOwner, issuer);
        } catch (io.shopgraph.platform.errors.DomainException e) {
            // already a member under this issuer
        }
    }
}
