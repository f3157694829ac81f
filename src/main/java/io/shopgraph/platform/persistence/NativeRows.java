package io.shopgraph.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.engine.spi.SessionImplementor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import io.shopgraph.platform.cache.LocalWrites;

/**
 * Rows of a native SQL read with named parameters ({@code :name}; a collection expands to a list, as in
 * Hibernate), run as plain JDBC on the transaction's connection (store bound, read-only in a read
 * transaction). For the hot storefront reads (product pages, variants, carts): Hibernate's native-query
 * machinery (result-set mapping, type resolution per column and row, parameter binding through its type
 * system) was 18% of the uncached listing's CPU samples for rows that callers map by hand anyway.
 * <p>
 * Same statements as before: each one is counted by {@link SqlStatementCounter} like a Hibernate one (the
 * statement-budget tests keep holding). Column values are what the driver returns ({@code UUID}, {@code String},
 * {@code Integer}/{@code Long}, {@code BigDecimal}, {@code Boolean}, {@code Timestamp}); callers convert them
 * with the tolerant helpers they already use. The parsed form of each SQL text is kept (bounded).
 */
@ApplicationScoped
public class NativeRows {

    /**
     * The key under which Quarkus keeps a transaction's Hibernate session (TransactionScopedSession, default persistence
     * unit). Read only to learn whether entity code opened a session in this transaction; if Quarkus renamed it, every
     * statement would take the session-less path, and NativeRowsTest's flush-before-write tests would fail.
     */
    static final String HIBERNATE_SESSION = "TransactionScopedSession-<default>";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(2048).build();

    NativeRows(EntityManager em, AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * The rows of a statement: a read, or a write that returns rows ({@code update ... returning}, {@code with ... insert}).
     * A read flushes nothing (a session.isDirty() check per read added statements, CartCacheAndStatementsTest; callers
     * that write through entities and read back flush themselves). A write flushes pending entity changes first, as
     * {@link #update} does.
     */
    public List<Object[]> query(String sql, Map<String, ?> params) {
        Parsed statement = parsed.get(sql, Parsed::of);
        return onConnection(statement, connection -> run(connection, statement, params));
    }

    /**
     * Runs an INSERT, UPDATE or DELETE (or a {@code with ... insert} statement) as plain JDBC on the transaction's
     * connection and returns the rows it changed. Counted and announced to the storefront cache
     * ({@link SqlStatementCounter#count}) like a Hibernate statement. Hibernate's native {@code executeUpdate} cost, per
     * call, a flush of the persistence context, a bulk-cleanup action that walked every entity persister to invalidate
     * second-level cache regions (there are none), and its own parameter binding: 9% of a checkout's CPU samples. Only
     * the flush is kept, and only when entities are managed ({@link #session}).
     */
    public int update(String sql, Map<String, ?> params) {
        Parsed statement = parsed.get(sql, Parsed::of);
        return onConnection(statement, connection -> write(connection, statement, params));
    }

    /** Runs {@code work} on the transaction's connection: through the Hibernate session when one is open ({@link #session}). */
    private <T> T onConnection(Parsed statement, Function<Connection, T> work) {
        SessionImplementor session = session(statement);
        if (session != null) {
            return session.doReturningWork(work::apply);
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new PersistenceException("No connection for the statement", e);
        }
    }

    private static int write(Connection connection, Parsed statement, Map<String, ?> params) {
        try (PreparedStatement s = prepare(connection, statement, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("A write failed", e);
        }
    }

    /** A statement with named parameters given one by one (null values allowed), for {@link #update} or {@link #query}. */
    public Statement sql(String sql) {
        return new Statement(this, sql, new java.util.HashMap<>());
    }

    /** {@link #sql}'s builder. */
    public record Statement(NativeRows rows, String sql, Map<String, Object> params) {

        public Statement param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public int update() {
            return rows.update(sql, params);
        }

        public List<Object[]> list() {
            return rows.query(sql, params);
        }

        /** The first column of every row. */
        public List<Object> column() {
            List<Object[]> result = rows.query(sql, params);
            List<Object> values = new ArrayList<>(result.size());
            for (Object[] row : result) {
                values.add(row[0]);
            }
            return values;
        }

        /** The first column of the one row this statement returns. */
        public Object value() {
            List<Object[]> result = rows.query(sql, params);
            if (result.size() != 1) {
                throw new PersistenceException("Expected one row, got " + result.size());
            }
            return result.get(0)[0];
        }
    }

    /**
     * The Hibernate session entity code opened in this transaction, or null when none did: then the statement runs on the
     * transaction's connection straight from the pool (the same connection, enlisted in the transaction and bound to the
     * store, as the outbox's), and no session is opened for it. Opening one per transaction (its tenant resolution, its
     * persistence context, its flush at commit) was a tenth of a cart mutation's CPU for statements that need none of it.
     * With a session, a write first flushes the entity changes still pending, so that it never runs before the entity
     * writes that preceded it (as Hibernate's native statements did). Outside a transaction, Hibernate's session (and its
     * error) as before.
     */
    private SessionImplementor session(Parsed statement) {
        SessionImplementor session;
        if (transactions.getTransactionKey() == null) {
            session = em.unwrap(SessionImplementor.class);
        } else if (transactions.getResource(HIBERNATE_SESSION) instanceof org.hibernate.Session open) {
            session = open.unwrap(SessionImplementor.class);
        } else {
            return null;
        }
        SqlStatementCounter.throughSession();
        if (statement.write() && session.getPersistenceContextInternal().getNumberOfManagedEntities() > 0) {
            session.flush();
        }
        return session;
    }

    /** The statement's JDBC text with its values bound, counted (and announced to the storefront cache when it writes). */
    private static PreparedStatement prepare(Connection connection, Parsed statement, Map<String, ?> params) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = statement.bind(params, values);
        SqlStatementCounter.count(sql);
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                set(s, i + 1, values.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static List<Object[]> run(Connection connection, Parsed statement, Map<String, ?> params) {
        try (PreparedStatement s = prepare(connection, statement, params)) {
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new PersistenceException("A read failed", e);
        }
    }

    private static void set(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            s.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            s.setArray(index, s.getConnection().createArrayOf("text", texts));
        } else if (value instanceof Enum<?> e) {
            s.setString(index, e.name());
        } else {
            s.setObject(index, value);
        }
    }

    /** A SQL text split at its named parameters. Skips string literals, quoted names, comments and {@code ::} casts. */
    record Parsed(List<String> parts, List<String> names, boolean write) {

        static Parsed of(String sql) {
            List<String> parts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = sql.indexOf(c, i + 1);
                    end = end < 0 ? n - 1 : end;
                    part.append(sql, i, end + 1);
                    i = end + 1;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    part.append(sql, i, end);
                    i = end;
                } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                    part.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                    int end = i + 1;
                    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                        end++;
                    }
                    parts.add(part.toString());
                    part.setLength(0);
                    names.add(sql.substring(i + 1, end));
                    i = end;
                } else {
                    part.append(c);
                    i++;
                }
            }
            parts.add(part.toString());
            return new Parsed(List.copyOf(parts), List.copyOf(names), LocalWrites.isWrite(sql));
        }

        /** The JDBC text for these parameters, collecting the values to bind in order. */
        String bind(Map<String, ?> params, List<Object> values) {
            StringBuilder sql = new StringBuilder(parts.get(0).length() * 2);
            sql.append(parts.get(0));
            for (int p = 0; p < names.size(); p++) {
                String name = names.get(p);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for parameter :" + name);
                }
                Object value = params.get(name);
                if (value instanceof Collection<?> list) {
                    if (list.isEmpty()) {
                        sql.append("null"); // "in (null)" matches nothing, as an empty list should
                    }
                    int k = 0;
                    for (Object element : list) {
                        sql.append(k++ == 0 ? "?" : ", ?");
                        values.add(element);
                    }
                } else {
                    sql.append('?');
                    values.add(value);
                }
                sql.append(parts.get(p + 1));
            }
            return sql.toString();
        }
    }
}
