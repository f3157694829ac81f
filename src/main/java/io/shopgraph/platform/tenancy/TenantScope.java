package io.shopgraph.platform.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.shopgraph.platform.kernel.StoreId;

/**
 * Runs work for one store in a fresh request context: startup seeding, jobs, webhooks, and creating
 * a store from a request that acts for no store yet. The store is bound before the work opens its
 * transaction, as both tenancy layers require; the caller's own context is restored afterwards.
 */
@ApplicationScoped
public class TenantScope {

    private final TenantContext context;

    TenantScope(TenantContext context) {
        this.context = context;
    }

    public <T> T call(StoreId store, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        ContextState outer = requestContext.isActive() ? requestContext.getStateIfActive() : null;
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            context.enter(store);
            return work.get();
        } finally {
            requestContext.terminate();
            if (outer != null) {
                requestContext.activate(outer);
            }
        }
    }

    public void run(StoreId store, Runnable work) {
        call(store, () -> {
            work.run();
            return null;
        });
    }
}
