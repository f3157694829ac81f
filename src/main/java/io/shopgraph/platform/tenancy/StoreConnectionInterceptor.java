package io.shopgraph.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.errors.ErrorCode;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.graphql.limits.Deadline;

/**
 * The second tenancy wall: when a transaction takes its connection, the current store is written
 * to the transaction-local setting {@code app.store_id} that every row-level-security policy reads.
 * COMMIT and ROLLBACK discard it, so a pooled connection never carries a stale store. Outside a
 * transaction (autocommit) nothing is set and the policies see no rows at all. In an HTTP request with a
 * {@link Deadline}, the same statement sets {@code statement_timeout} to the time the request has left.
 */
@ApplicationScoped
public class StoreConnectionInterceptor implements AgroalPoolInterceptor {

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
            if (deadline == null) {
                try (PreparedStatement statement = connection.prepareStatement("select set_config('app.store_id', ?, true)")) {
                    statement.setString(1, store.get().toString());
                    statement.execute();
                }
                return;
            }
            long remaining = deadline.remainingMillis();
            if (remaining == 0) {
                throw new ApiException(ErrorCode.TIMEOUT, "The request ran out of time.");
            }
            // The same one statement: the transaction's statements may not outlive the request's deadline.
            try (PreparedStatement statement = connection.prepareStatement(
                    "select set_config('app.store_id', ?, true), set_config('statement_timeout', ?, true)")) {
                statement.setString(1, store.get().toString());
                statement.setString(2, Long.toString(remaining));
                statement.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the connection to the current store", e);
        }
    }

    private Optional<StoreId> currentStore() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return context.store();
    }
}
