package io.shopgraph.platform.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.shopgraph.platform.cache.LocalWrites;

/**
 * Counts every SQL statement Hibernate prepares (entity, HQL and native alike). Tests read the
 * count around one HTTP request to prove that a query's statement budget does not grow with the
 * page size. An atomic increment per statement is cheap enough to keep in production. Writes also
 * tell the storefront response cache ({@link LocalWrites}).
 * <p>
 * Statements are also counted apart when they run on a thread that is executing a GraphQL operation
 * ({@link #requestTotal()}): background work (outbox consumers, scheduled jobs) runs at any moment on other
 * threads, and a budget test must not count it.
 */
@PersistenceUnitExtension
public class SqlStatementCounter implements StatementInspector {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final AtomicLong REQUEST_STATEMENTS = new AtomicLong();
    private static final AtomicLong REQUEST_SESSION_STATEMENTS = new AtomicLong();
    private static final AtomicLong REQUEST_OUTBOX_STATEMENTS = new AtomicLong();
    /** Threads executing a GraphQL operation now, with how many nested executions each runs. */
    private static final Map<Thread, Integer> EXECUTING = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        STATEMENTS.incrementAndGet();
        if (inRequest()) {
            REQUEST_STATEMENTS.incrementAndGet();
        }
        LocalWrites.statement(sql);
        return sql;
    }

    /** Counts a statement run as plain JDBC ({@link NativeRows}) like one Hibernate prepared. */
    public static void count(String sql) {
        STATEMENTS.incrementAndGet();
        if (inRequest()) {
            REQUEST_STATEMENTS.incrementAndGet();
        }
        LocalWrites.statement(sql);
    }

    /**
     * A {@link NativeRows} statement that went through a Hibernate session entity code had opened in its transaction (not
     * the pooled connection alone); counted for GraphQL operations, as {@link #requestTotal()}.
     */
    static void throughSession() {
        if (inRequest()) {
            REQUEST_SESSION_STATEMENTS.incrementAndGet();
        }
    }

    /** Whether this thread is executing a GraphQL operation (not background work). */
    private static boolean inRequest() {
        return !EXECUTING.isEmpty() && EXECUTING.containsKey(Thread.currentThread());
    }

    /**
     * The outbox recorded events in a statement of its own (EventPublisher.publishAll, plain JDBC, not counted by
     * {@link #count}) rather than riding on the caller's statement; counted for GraphQL operations.
     */
    public static void outboxStatement() {
        if (inRequest()) {
            REQUEST_OUTBOX_STATEMENTS.incrementAndGet();
        }
    }

    /** The outbox's own statements ({@link #outboxStatement}) of GraphQL operations. */
    public static long requestOutboxTotal() {
        return REQUEST_OUTBOX_STATEMENTS.get();
    }

    /** The statements of GraphQL operations that {@link NativeRows} ran through a Hibernate session. */
    public static long requestSessionTotal() {
        return REQUEST_SESSION_STATEMENTS.get();
    }

    /** Every statement, background work included. */
    public static long total() {
        return STATEMENTS.get();
    }

    /** The statements run by GraphQL operations (on their executing threads), without background work. */
    public static long requestTotal() {
        return REQUEST_STATEMENTS.get();
    }

    /** The current thread starts executing a GraphQL operation; returns it for {@link #exitRequest}. */
    public static Thread enterRequest() {
        Thread thread = Thread.currentThread();
        EXECUTING.merge(thread, 1, Integer::sum);
        return thread;
    }

    /** The operation that {@link #enterRequest} returned this thread for has finished. */
    public static void exitRequest(Thread thread) {
        EXECUTING.computeIfPresent(thread, (t, n) -> n == 1 ? null : n - 1);
    }
}
