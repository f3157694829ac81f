package io.shopgraph.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.ReadTransaction;

/**
 * The second tenancy wall: when a transaction takes its connection, the current store is written
 * to the transaction-local setting {@code app.store_id} that every row-level-security policy reads.
 * COMMIT and ROLLBACK discard it, so a pooled connection never carries a stale store. Outside a
 * transaction (autocommit) nothing is set and the policies see no rows at all.
 */
@ApplicationScoped
public class StoreConnectionInterceptor implements AgroalPoolInterceptor {

    /** Connections bound to a store so far (one per transaction that read or wrote tenant data). */
    private static final AtomicLong BINDINGS = new AtomicLong();

    private final TenantContext context;

    StoreConnectionInterceptor(TenantContext context) {
        this.context = context;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Optional<StoreId> store = currentStore();
        if (store.isEmpty()) {
            return;
        }
        try {
            if (connection.getAutoCommit()) {
                return;
            }
            // A GraphQL query's one transaction is read-only, declared in the same statement (no extra round trip).
            String bind = ReadTransaction.readOnly()
                    ? "select set_config('app.store_id', ?, true), set_config('transaction_read_only', 'on', true)"
                    : "select set_config('app.store_id', ?, true)";
            try (PreparedStatement statement = connection.prepareStatement(bind)) {
                statement.setString(1, store.get().toString());
                statement.execute();
            }
            BINDINGS.incrementAndGet();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the connection to the current store", e);
        }
    }

    /** For tests: how many transactions bound a connection to a store, as {@code SqlStatementCounter} counts statements. */
    public static long bindings() {
        return BINDINGS.get();
    }

    private Optional<StoreId> currentStore() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return context.store();
    }
}
