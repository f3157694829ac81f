package io.shopgraph.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/** Runs work as a store in its own transaction, and counts rows (events, refunds) the way an operator would. */
final class PaymentsTestSupport {

    private PaymentsTestSupport() {
    }

    static <T> T as(StoreId store, Supplier<T> work) {
        return Arc.container().instance(TenantScope.class).get().call(store, work);
    }

    /** {@code work} in a transaction of its own, as the store. */
    static <T> T inTx(StoreId store, Supplier<T> work) {
        return as(store, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    /** Events of {@code type} (e.g. "payments.PaymentSucceeded") recorded for this aggregate. */
    static long events(StoreId store, UUID aggregate, String type) {
        return count(store, "select count(*) from platform.event where aggregate_id = ? and type = ?", aggregate, type);
    }

    static long count(StoreId store, String sql, Object... params) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        return inTx(store, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
