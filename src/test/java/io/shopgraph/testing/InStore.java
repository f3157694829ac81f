package io.shopgraph.testing;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores.TestStore;

/** SQL as the application runs it (row-level security on), in a test store, each call in its own transaction. */
public final class InStore {

    private InStore() {
    }

    public static <T> T call(TestStore store, Function<EntityManager, T> work) {
        TenantScope scope = Arc.container().instance(TenantScope.class).get();
        return scope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() -> work.apply(Arc.container().instance(EntityManager.class).get())));
    }

    /** A single number (a count), with positional parameters ?1, ?2, … */
    public static long count(TestStore store, String sql, Object... parameters) {
        return call(store, em -> ((Number) query(em, sql, parameters).getSingleResult()).longValue());
    }

    /** An update; answers the rows changed. */
    public static int execute(TestStore store, String sql, Object... parameters) {
        return call(store, em -> query(em, sql, parameters).executeUpdate());
    }

    private static jakarta.persistence.Query query(EntityManager em, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
