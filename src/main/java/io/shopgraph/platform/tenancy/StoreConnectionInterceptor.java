package io.shopgraph.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.errors.ErrorCode;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.graphql.limits.Deadline;
import io.shopgraph.platform.persistence.ReadTransaction;

/**
 * The second tenancy wall: when a transaction takes its connection, the current store is written
 * to the transaction-local setting {@code app.store_id} that every row-level-security policy reads.
 * COMMIT and ROLLBACK discard it, so a pooled connection never carries a stale store. Outside a
 * transaction (autocommit) nothing is set and the policies see no rows at all. In an HTTP request with a
 * {@link Deadline}, the same statement sets {@code statement_timeout} to the time the request has left.
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
            Deadline deadline = Deadline.current();
            long remaining = deadline == null ? -1 : deadline.remainingMillis();
            if (remaining == 0) {
                throw new ApiException(ErrorCode.TIMEOUT, "The request ran out of time.");
            }
            // One statement binds the store, and when they apply declares a GraphQL query's one transaction
            // read-only and caps its statements at the time the request has left (no extra round trip).
            StringBuilder bind = new StringBuilder("select set_config('app.store_id', ?, true)");
            if (ReadTransaction.readOnly()) {
                bind.append(", set_config('transaction_read_only', 'on', true)");
            }
            if (remaining > 0) {
                bind.append(", set_config('statement_timeout', ?, true)");
            }
            try (PreparedStatement statement = connection.prepareStatement(bind.toString())) {
                statement.setString(1, store.get().toString());
                if (remaining > 0) {
                    statement.setString(2, Long.toString(remaining));
                }
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
