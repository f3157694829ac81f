package io.shopgraph.webhooks.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Parameterised SQL on the transaction's connection (the one Hibernate would use; the store is set on it).
 * Every statement of this module also names {@code store_id}: row-level security is the second wall.
 */
@ApplicationScoped
class Sql {

    /** Maps one row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that sets a transaction-local setting (the sender's scan). */
    void declare(String setting) {
        query("select set_config(?, 'on', true)", rs -> null, setting);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof Enum<?> e) {
                s.setString(i + 1, e.name());
            } else {
                s.setObject(i + 1, p);
            }
        }
        return s;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
