package io.shopgraph.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.json.bind.Jsonb;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.DueStores;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * Delivers committed outbox events to in-process consumers. Any number of dispatchers (threads of one
 * instance, or instances) may run against one database: a delivery is claimed with
 * {@code FOR UPDATE SKIP LOCKED} inside the transaction that runs its handler and marks it done, so
 * two dispatchers never run the same delivery at once, a crash simply releases the claim, and only
 * the head of each (consumer, aggregate) queue is ever claimable, which keeps per-aggregate order.
 * <p>
 * Work is found per store: a scan (a transaction that reads only store ids, see the migration's
 * {@code event_delivery_scan} policy) lists stores with due deliveries, and each store is drained on
 * a worker in transactions bound to that store, so RLS applies to every claim and handler. A store is
 * drained by one worker at a time and a slow store holds only its own worker.
 */
public class EventDispatcher {

    /** A claimed delivery with its event; {@code row} is its row address (ctid), stable while the claim's lock is held. */
    record Claimed(String row, UUID eventId, String consumer, int attempts, String type, String payload, UUID aggregateId,
            Instant occurredAt) {
    }

    /**
     * A store's due deliveries that head their (consumer, aggregate) queue, in seq order, locked: {@code
     * platform.claim_deliveries} (migration {@code V202611270900}) walks the pending deliveries in seq order, stops at the
     * batch size and probes each candidate's queue once, with a plan its settings pin, so its cost is the batch whatever the
     * backlog and the statistics. The two claims it replaced read the whole backlog on every call once it grew (a DISTINCT
     * ON pass: 0.44-1.2 s with 30,000-90,000 pending in a sustained checkout bench, 35-40% of PostgreSQL's time) or once
     * the statistics were stale (an anti-join rescanning the backlog per candidate: 5.8 s), and the dispatcher fell further
     * behind the longer the load lasted.
     */
    private static final String CLAIM = "select row_address, event_id, consumer, attempts, type, payload, aggregate_id, occurred_at "
            + "from platform.claim_deliveries(?, ?, ?, ?, ?)";

    /** One given delivery if it is due and heads its queue (a retry of one delivery of a failed batch): a primary-key lookup. */
    private static final String CLAIM_ONE = "select d.ctid::text, d.event_id, d.consumer, d.attempts, e.type, e.payload::text, "
            + "e.aggregate_id, e.occurred_at from platform.event_delivery d join platform.event e on e.store_id = d.store_id "
            + "and e.id = d.event_id where d.store_id = ? and d.event_id = ? and d.consumer = ? and d.status = 'PENDING' "
            + "and d.next_attempt_at <= now() and not exists (select 1 from platform.event_delivery p where p.store_id = d.store_id "
            + "and p.consumer = d.consumer and p.aggregate_id = d.aggregate_id and p.status = 'PENDING' and p.seq < d.seq) "
            + "for update of d skip locked";

    /** Stores with due deliveries of these consumers, longest waiting first (parameters: the consumers, how many stores). */
    private static final String DUE_STORES = DueStores.query("platform.event_delivery", "q.consumer = any(?)");

    private final String name;
    private final AgroalDataSource dataSource;
    private final EventConsumers consumers;
    private final TenantScope tenantScope;
    private final Jsonb jsonb;
    private final EventsConfig config;
    private final MeterRegistry meters;
    private final int batchSize;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Set<StoreId> hints = new LinkedHashSet<>();
    private final Set<StoreId> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;

    public EventDispatcher(String name, AgroalDataSource dataSource, EventConsumers consumers, TenantScope tenantScope, Jsonb jsonb,
            EventsConfig config, MeterRegistry meters, int batchSize) {
        this.batchSize = batchSize;
        this.name = name;
        this.dataSource = dataSource;
        this.consumers = consumers;
        this.tenantScope = tenantScope;
        this.jsonb = jsonb;
        this.config = config;
        this.meters = meters;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.workers()), r -> {
            Thread t = new Thread(r, "events-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::loop, "events-" + name);
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops claiming; deliveries being handled finish (or roll back at the deadline and stay pending). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        signal();
        loop.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return running;
    }

    /** A commit recorded events for {@code store}: look at it now rather than at the next poll. */
    public void wake(StoreId store) {
        lock.lock();
        try {
            hints.add(store);
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        long pollNanos = config.pollInterval().toNanos();
        long lastScan = 0;
        while (running) {
            try {
                Set<StoreId> todo = new LinkedHashSet<>();
                lock.lock();
                try {
                    todo.addAll(hints);
                    hints.clear();
                } finally {
                    lock.unlock();
                }
                if (System.nanoTime() - lastScan >= pollNanos) {
                    todo.addAll(dueStores(500));
                    lastScan = System.nanoTime();
                }
                for (StoreId store : todo) {
                    if (!inFlight.add(store)) {
                        wakeLater(store);
                        continue;
                    }
                    workers.execute(() -> drain(store));
                }
                lock.lock();
                try {
                    if (hints.isEmpty() || hints.stream().allMatch(inFlight::contains)) {
                        signal.awaitNanos(Math.max(1_000_000, pollNanos - (System.nanoTime() - lastScan)));
                    }
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                Log.warnf("Event dispatcher %s: %s; retrying at the next poll", name, e.toString());
                sleepQuietly(config.pollInterval());
            }
        }
    }

    private void wakeLater(StoreId store) {
        lock.lock();
        try {
            hints.add(store);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers everything due now, store after store, on the calling thread; returns how many deliveries
     * completed. For tests and tools: the background loop does the same on its workers.
     */
    public int drainAll() {
        int total = 0;
        for (int round = 0; round < 1000; round++) {
            List<StoreId> stores = dueStores(500);
            int done = 0;
            for (StoreId store : stores) {
                done += drainStoreCounting(store, Integer.MAX_VALUE);
            }
            total += done;
            if (done == 0) {
                return total;
            }
        }
        return total;
    }

    /**
     * A worker's turn at a store: one batch of all its queues; when that batch came back full (a backlog), the store is
     * drained in {@link EventsConfig#lanesPerStore()} lanes on as many workers, up to 20 batches each, and the last lane
     * to finish hands the store back (to the back of the queue, after the other stores, when work remains).
     */
    private void drain(StoreId store) {
        boolean backlog = false;
        try {
            backlog = processBatch(store) >= batchSize && running;
        } finally {
            if (!backlog) {
                release(store, false);
            }
        }
        if (!backlog) {
            return;
        }
        Lanes open = new Lanes(Math.max(1, Math.min(config.lanesPerStore(), config.workers() - 1)));
        for (int lane = 1; lane < open.count(); lane++) {
            int mine = lane;
            try {
                workers.execute(() -> runLane(store, mine, open));
            } catch (RejectedExecutionException e) {
                open.finish(store, true); // stopping: the lane's deliveries stay pending
            }
        }
        runLane(store, 0, open); // the last lane to finish releases the store
    }

    private void runLane(StoreId store, int lane, Lanes open) {
        boolean more = true;
        try {
            more = drainStore(store, lane, open.count(), 20);
        } finally {
            open.finish(store, more);
        }
    }

    /** The lanes of one store's backlog still running, and whether any of them left work. */
    private final class Lanes {
        private final int count;
        private final AtomicInteger running;
        private final AtomicBoolean more = new AtomicBoolean();

        Lanes(int count) {
            this.count = count;
            this.running = new AtomicInteger(count);
        }

        int count() {
            return count;
        }

        void finish(StoreId store, boolean left) {
            if (left) {
                more.set(true);
            }
            if (running.decrementAndGet() == 0) {
                release(store, more.get());
            }
        }
    }

    private void release(StoreId store, boolean more) {
        if (more) {
            wakeLater(store); // more left: back of the queue, after the other stores
        }
        inFlight.remove(store);
        signal();
    }

    /** Drains up to {@code rounds} batches of one lane of a store; true when work remains. */
    boolean drainStore(StoreId store, int lane, int lanes, int rounds) {
        for (int i = 0; i < rounds && running; i++) {
            if (processBatch(store, lane, lanes) < batchSize) {
                return false;
            }
        }
        return true;
    }

    private int drainStoreCounting(StoreId store, int rounds) {
        int total = 0;
        for (int i = 0; i < rounds; i++) {
            int done = processBatch(store);
            total += done;
            if (done == 0) {
                return total;
            }
        }
        return total;
    }

    /** Stores with due deliveries for this dispatcher's consumers, longest waiting first. */
    List<StoreId> dueStores(int limit) {
        List<String> names = consumers.names();
        if (names.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    declareScan(c);
                    try (PreparedStatement s = c.prepareStatement(DUE_STORES)) {
                        s.setArray(1, c.createArrayOf("text", names.toArray()));
                        s.setInt(2, limit);
                        List<StoreId> stores = new ArrayList<>();
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                stores.add(new StoreId(rs.getObject(1, UUID.class)));
                            }
                        }
                        return stores;
                    }
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Event dispatcher %s could not look for due deliveries: %s", name, e.toString());
            return List.of();
        }
    }

    private static void declareScan(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select set_config('app.events_scan', 'on', true)");
        }
    }

    /** One batch of a store in one transaction; on a handler failure, the batch again one by one. */
    int processBatch(StoreId store) {
        return processBatch(store, 0, 1);
    }

    /** {@link #processBatch(StoreId)} of lane {@code lane} of {@code lanes} only. */
    int processBatch(StoreId store, int lane, int lanes) {
        AtomicReference<List<Claimed>> claimed = new AtomicReference<>(List.of());
        AtomicReference<Claimed> current = new AtomicReference<>();
        List<Instant> handled = new ArrayList<>();
        try {
            int n = tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    List<Claimed> rows = claim(c, store, null, null, batchSize, lane, lanes);
                    claimed.set(rows);
                    for (Claimed row : rows) {
                        current.set(row);
                        handle(store, row);
                        current.set(null);
                        handled.add(row.occurredAt());
                    }
                    markDone(c, store, rows);
                    return rows.size();
                }
            }));
            delivered(handled, claimed.get());
            return n;
        } catch (RuntimeException e) {
            List<Claimed> rows = claimed.get();
            if (rows.isEmpty()) {
                Log.warnf("Event dispatcher %s could not claim deliveries of store %s: %s", name, store, e.toString());
                return 0;
            }
            // The handler that threw used up an attempt; the others of the batch rolled back with it
            // and are handled again, each in its own transaction (at least once).
            Claimed failed = current.get();
            if (failed != null) {
                recordFailure(store, failed, e);
            }
            int done = 0;
            for (Claimed row : rows) {
                if (row != failed) {
                    done += processOne(store, row.eventId(), row.consumer());
                }
            }
            return done;
        }
    }

    private int processOne(StoreId store, UUID eventId, String consumer) {
        AtomicReference<Claimed> claimed = new AtomicReference<>();
        try {
            int n = tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    List<Claimed> rows = claim(c, store, eventId, consumer, 1, 0, 1);
                    if (rows.isEmpty()) {
                        return 0; // done meanwhile, claimed by another dispatcher, or not the head of its queue
                    }
                    claimed.set(rows.get(0));
                    handle(store, rows.get(0));
                    markDone(c, store, rows);
                    return 1;
                }
            }));
            if (n == 1) {
                delivered(List.of(claimed.get().occurredAt()), List.of(claimed.get()));
            }
            return n;
        } catch (RuntimeException e) {
            Claimed row = claimed.get();
            if (row != null) {
                recordFailure(store, row, e);
            }
            return 0;
        }
    }

    /** {@code lane} of {@code lanes}: the store's queues whose aggregate hashes to it (lanes = 1: all of them). */
    private List<Claimed> claim(Connection c, StoreId store, UUID eventId, String consumer, int limit, int lane, int lanes)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(eventId == null ? CLAIM : CLAIM_ONE)) {
            s.setObject(1, store.value());
            if (eventId == null) {
                s.setArray(2, c.createArrayOf("text", consumers.names().toArray()));
                s.setInt(3, lanes);
                s.setInt(4, lane);
                s.setInt(5, limit);
            } else {
                s.setObject(2, eventId);
                s.setString(3, consumer);
            }
            List<Claimed> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Claimed(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, UUID.class), rs.getTimestamp(8).toInstant()));
                }
            }
            return rows;
        }
    }

    private void handle(StoreId store, Claimed row) throws Exception {
        EventConsumer consumer = consumers.named(row.consumer()).orElseThrow();
        Class<? extends DomainEvent> type = consumers.type(row.type())
                .orElseThrow(() -> new IllegalStateException("No deployed consumer knows event type " + row.type()));
        DomainEvent event = jsonb.fromJson(row.payload(), type);
        consumer.handle(new EventEnvelope(row.eventId(), row.type(), store, row.aggregateId(), row.occurredAt(), row.attempts() + 1, event));
    }

    /**
     * The batch's deliveries done, in one statement addressed by row (a TID scan, whatever the statistics say: the join
     * against unnested id arrays it replaces left the plan to the planner's guess of the arrays' size).
     */
    private static void markDone(Connection c, StoreId store, List<Claimed> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("update platform.event_delivery set status = 'DONE', attempts = attempts + 1, "
                + "delivered_at = now(), last_error = null where ctid = any(?::tid[]) and store_id = ? and status = 'PENDING'")) {
            s.setArray(1, c.createArrayOf("text", rows.stream().map(Claimed::row).toArray()));
            s.setObject(2, store.value());
            int done = s.executeUpdate();
            if (done != rows.size()) {
                // Claimed FOR UPDATE in this transaction: every row is still there, at the same address, and still ours.
                throw new IllegalStateException("Marked " + done + " of " + rows.size() + " claimed deliveries done");
            }
        }
    }

    private void recordFailure(StoreId store, Claimed row, RuntimeException failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        int attempt = row.attempts() + 1;
        Duration delay = backoff(attempt, config.retryInitialBackoff(), config.retryMaxBackoff());
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        meters.counter("shopgraph.events.failures", "consumer", row.consumer()).increment();
        Log.warnf("Event consumer %s failed on %s %s (store %s, attempt %d); retrying in %s: %s", row.consumer(), row.type(),
                row.eventId(), store, attempt, delay, reason);
        try {
            tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement("update platform.event_delivery set attempts = attempts + 1, "
                                + "next_attempt_at = now() + make_interval(secs => ?), last_error = ? "
                                + "where store_id = ? and event_id = ? and consumer = ? and status = 'PENDING'")) {
                    s.setDouble(1, delay.toMillis() / 1000.0);
                    s.setString(2, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                    s.setObject(3, store.value());
                    s.setObject(4, row.eventId());
                    s.setString(5, row.consumer());
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        } catch (RuntimeException e) {
            Log.warnf("Event dispatcher %s could not record the failure of %s: %s", name, row.eventId(), e.toString());
        }
    }

    /** initial x 2^(attempt-1), capped, times a random factor in [0.5, 1] so failing consumers do not retry in lockstep. */
    static Duration backoff(int attempt, Duration initial, Duration max) {
        return Backoff.of(attempt, initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    private void delivered(List<Instant> occurred, List<Claimed> rows) {
        Instant now = Instant.now();
        for (int i = 0; i < rows.size() && i < occurred.size(); i++) {
            Claimed row = rows.get(i);
            meters.counter("shopgraph.events.delivered", "consumer", row.consumer()).increment();
            meters.timer("shopgraph.events.lag", "consumer", row.consumer()).record(Duration.between(occurred.get(i), now));
        }
    }

    /** Deletes events older than the retention whose deliveries are all done; returns how many. */
    public int prune(Instant cutoff) {
        List<StoreId> stores;
        try {
            stores = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    declareScan(c);
                    try (PreparedStatement s = c.prepareStatement(
                            "select distinct store_id from platform.event where occurred_at < ? limit 1000")) {
                        s.setTimestamp(1, Timestamp.from(cutoff));
                        List<StoreId> found = new ArrayList<>();
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                found.add(new StoreId(rs.getObject(1, UUID.class)));
                            }
                        }
                        return found;
                    }
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Event pruning could not list stores: %s", e.toString());
            return 0;
        }
        int deleted = 0;
        for (StoreId store : stores) {
            deleted += tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement("delete from platform.event e where e.store_id = ? and e.occurred_at < ? "
                                + "and not exists (select 1 from platform.event_delivery d where d.store_id = e.store_id "
                                + "and d.event_id = e.id and d.status = 'PENDING')")) {
                    s.setObject(1, store.value());
                    s.setTimestamp(2, Timestamp.from(cutoff));
                    return s.executeUpdate();
                }
            }));
        }
        return deleted;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
