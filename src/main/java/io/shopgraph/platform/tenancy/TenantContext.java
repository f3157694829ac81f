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
