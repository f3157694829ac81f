package io.shopgraph.analytics.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.shopgraph.platform.persistence.Sql;

/**
 * The quarter-hours a transaction's facts changed, marked dirty for {@link Rollups} once, in sorted order, at the end of
 * the transaction rather than by each fact's statement as it runs.
 * <p>
 * Why: the outbox's dispatcher handles a batch of deliveries in one transaction, and a mark is an insert into
 * {@code analytics.dirty_bucket}'s unique key that waits for another transaction's uncommitted insert of the same key. Two
 * batches of one store that marked the same two quarters in opposite orders (say a {@code CartCreated} then a
 * {@code CheckoutStarted} against the reverse) each waited for the other: PostgreSQL's deadlock detector aborted one, and
 * the dispatcher redid its batch (1 to 5 times a test run). Marked in one sorted statement as the transaction's last
 * write, two transactions take the keys they share in the same order, so neither can hold one the other took first.
 * The marks still commit or roll back with the facts.
 */
@ApplicationScoped
public class DirtyQuarters {

    /** A store's quarter-hour. */
    public record Quarter(UUID store, Instant bucket) {
    }

    private static final Comparator<Quarter> ORDER = Comparator.comparing(Quarter::store).thenComparing(Quarter::bucket);
    private static final Object KEY = new Object();

    private final Sql sql;
    private final TransactionSynchronizationRegistry transactions;

    DirtyQuarters(Sql sql, TransactionSynchronizationRegistry transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    /** Marks {@code quarters} dirty when the current transaction (the dispatcher's, as every consumer runs in) ends. */
    void mark(List<Quarter> quarters) {
        if (quarters.isEmpty()) {
            return;
        }
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("Dirty quarters are marked in the transaction of the facts that changed them");
        }
        @SuppressWarnings("unchecked")
        TreeSet<Quarter> pending = (TreeSet<Quarter>) transactions.getResource(KEY);
        if (pending == null) {
            TreeSet<Quarter> created = new TreeSet<>(ORDER);
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Still inside the transaction, on its connection: a failure here rolls the facts back with it.
                    insert(List.copyOf(created));
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = created;
        }
        pending.addAll(quarters);
    }

    private void insert(List<Quarter> sorted) {
        // As text arrays (the driver binds String[] as text[]), cast back in the statement; inserted in the sorted order.
        String[] stores = sorted.stream().map(q -> q.store().toString()).toArray(String[]::new);
        String[] buckets = sorted.stream().map(q -> q.bucket().toString()).toArray(String[]::new);
        sql.update("insert into analytics.dirty_bucket (store_id, bucket) select s, b from unnest(cast(? as uuid[]), "
                + "cast(? as timestamptz[])) with ordinality as m(s, b, n) order by n on conflict do nothing", stores, buckets);
    }
}
