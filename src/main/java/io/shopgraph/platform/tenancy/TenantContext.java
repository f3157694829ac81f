package io.shopgraph.platform.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.ReadTransaction;

/**
 * The store the current request (or job) acts for. Hibernate's tenant filter and the
 * row-level-security connection interceptor read only this bean. It is request scoped, not a
 * ThreadLocal, because GraphQL resolvers of one request may run on different threads.
 */
@RequestScoped
public class TenantContext {

    private volatile StoreId store;

    public Optional<StoreId> store() {
        return Optional.ofNullable(store);
    }

    /**
     * The store of a request that must have one: every tenant-owned read and write runs after the entry point
     * bound the store, so its absence is a programming error (answered as INTERNAL), never a caller's mistake.
     */
    public StoreId requireStore() {
        StoreId current = store;
        if (current == null) {
            throw new IllegalStateException("No store is bound to this request");
        }
        return current;
    }

    /**
     * Binds this request to a store. A request acts for one store only: binding a second,
     * different store is refused rather than silently switching tenants mid-request.
     */
    public void enter(StoreId requested) {
        StoreId current = store;
        if (current != null && !current.equals(requested)) {
            throw ApiException.forbidden("A request can act for one store only.");
        }
        store = requested;
        if (current == null) {
            ReadTransaction.storeBound(); // a GraphQL query's one read transaction starts here
        }
    }
}
