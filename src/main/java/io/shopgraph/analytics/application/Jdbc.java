package io.shopgraph.analytics.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Parameterised SQL on the transaction's connection (the store is bound on it), for the outbox consumer.
 * Plain JDBC rather than Hibernate on purpose: the consumer runs in the background, and Hibernate's statement
 * counter is what tests read around one request, so background work must not show up in it.
 * Every statement names {@code store_id}: row-level security is the second wall.
 */
@ApplicationScoped
class Jdbc {

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p == null) {
                    s.setNull(i + 1, Types.OTHER);
                } else if (p instanceof Instant instant) {
                    s.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("analytics: could not apply an event", e);
        }
    }
}
