package io.shopgraph.store.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.store.domain.StorePlan;
import io.shopgraph.store.domain.StoreRepository;

/**
 * Creates the "Demo Store" once, in dev mode (shopgraph.demo.enabled), through the same use case
 * that creates every store, with the storefront token the README documents.
 */
@ApplicationScoped
public class DemoStoreSeeder {

    public static final String DEMO_HANDLE = "demo";

    private final boolean enabled;
    private final String storefrontToken;
    private final StoreCommands commands;
    private final StoreRepository stores;

    DemoStoreSeeder(@ConfigProperty(name = "shopgraph.demo.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "shopgraph.demo.storefront-token", defaultValue = "demo-storefront-token") String storefrontToken,
            StoreCommands commands, StoreRepository stores) {
        this.enabled = enabled;
        this.storefrontToken = storefrontToken;
        this.commands = commands;
        this.stores = stores;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        boolean exists = QuarkusTransaction.requiringNew().call(() -> stores.findByHandle(DEMO_HANDLE).isPresent());
        if (exists) {
            return;
        }
        commands.create(new NewStore("Demo Store", DEMO_HANDLE, "EUR", "FR", true, "Europe/Paris", StorePlan.GROWTH,
                Optional.<MerchantPrincipal>empty(), Optional.of(storefrontToken)));
        Log.infof("Seeded the demo store '%s' with its storefront token", DEMO_HANDLE);
    }
}
