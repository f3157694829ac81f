package io.shopgraph.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.platform.kernel.JsonP;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores;

/**
 * The outbox end to end on the embedded PostgreSQL, with row-level security on: delivery after
 * commit only, survival of a stopped dispatcher, two dispatchers on one database, per-aggregate
 * order, retries with backoff, and pruning. Waits poll the consumer's record; nothing asserts a time.
 */
@QuarkusTest
class EventOutboxTest {

    @Inject
    EventPublisher publisher;
    @Inject
    EventDispatcherService service;
    @Inject
    ProbeConsumer probe;
    @Inject
    TenantScope tenantScope;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry meters;

    @Test
    void anEventIsDeliveredOnlyWhenItsTransactionCommits() throws Exception {
        StoreId store = TestStores.create("events-commit").id();
        UUID aggregate = UUID.randomUUID();

        AtomicReference<UUID> rolledBack = new AtomicReference<>();
        assertThatThrownBy(() -> tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.set(publisher.publish(new Probe(aggregate, 0, "rollback")));
            throw new IllegalStateException("the change fails after publishing");
        }))).isInstanceOf(IllegalStateException.class);

        // While the publishing transaction is open, another dispatcher finds nothing to deliver.
        ExecutorService other = Executors.newSingleThreadExecutor();
        EventDispatcher peek = service.newDispatcher("peek", EventConsumers.of(List.of(probe)));
        UUID committed = tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> {
            UUID id = publisher.publish(new Probe(aggregate, 1, "commit"));
            int deliveredMeanwhile = other.submit(peek::drainAll).get(30, TimeUnit.SECONDS);
            assertThat(probe.timesSeen(id)).as("not delivered before commit").isZero();
            assertThat(deliveredMeanwhile).isGreaterThanOrEqualTo(0);
            return id;
        }));
        other.shutdown();

        awaitTrue(() -> probe.timesSeen(committed) == 1, "the committed event is delivered");
        ProbeConsumer.Seen seen = probe.byEvent.get(committed).get(0);
        assertThat(seen.envelope().storeId()).isEqualTo(store);
        assertThat(seen.envelope().aggregateId()).isEqualTo(aggregate);
        assertThat(seen.envelope().type()).isEqualTo("platform.Probe");
        assertThat(seen.envelope().occurredAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(seen.tenant()).as("the handler runs bound to the event's store").isEqualTo(store.toString());
        assertThat(seen.envelope().as(Probe.class).label()).isEqualTo("commit");

        assertThat(probe.timesSeen(rolledBack.get())).as("a rolled-back event is never delivered").isZero();
        assertThat(eventRows(store, rolledBack.get())).as("nor stored").isZero();
        assertThat(eventRows(store, committed)).isEqualTo(1);
    }

    @Test
    void publishingOutsideATransactionOrWithoutAStoreIsRefused() {
        StoreId store = TestStores.create("events-guard").id();
        assertThatThrownBy(() -> tenantScope.run(store, () -> publisher.publish(new Probe(UUID.randomUUID(), 0, "no-tx"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> publisher.publish(new Probe(UUID.randomUUID(), 0, "no-store"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsCommittedWhileNoDispatcherRunsAreDeliveredByTheNextOne() {
        StoreId store = TestStores.create("events-crash").id();
        insteadOfTheMainDispatcher("restarted", restarted -> {
            UUID id = publish(store, new Probe(UUID.randomUUID(), 0, "crash"));
            assertThat(probe.timesSeen(id)).isZero();
            assertThat(pendingDeliveries(store, id)).as("the delivery waits in the outbox").isEqualTo(1);

            // A new dispatcher (a restarted instance: nothing in memory, no wake-up) finds it by scanning.
            restarted.start();
            awaitTrue(() -> probe.timesSeen(id) == 1, "delivered after the restart");
            assertThat(pendingDeliveries(store, id)).isZero();
        });
    }

    @Test
    void theScanFindsStoresWithDueDeliveriesLongestWaitingFirstAndSkipsThoseNotDueYet() {
        StoreId older = TestStores.create("events-scan-older").id();
        StoreId newer = TestStores.create("events-scan-newer").id();
        StoreId later = TestStores.create("events-scan-later").id();
        insteadOfTheMainDispatcher("scanner", scanner -> {
            UUID a = publish(older, new Probe(UUID.randomUUID(), 0, "scan"));
            UUID b = publish(newer, new Probe(UUID.randomUUID(), 0, "scan"));
            UUID c = publish(later, new Probe(UUID.randomUUID(), 0, "scan"));
            setDue(older, a, "now() - interval '2 minutes'");
            setDue(newer, b, "now() - interval '1 minute'");
            setDue(later, c, "now() + interval '1 hour'"); // a retry backing off: not due
            List<StoreId> due = scanner.dueStores(500);
            assertThat(due).contains(older, newer).doesNotContain(later);
            assertThat(due.indexOf(older)).as("longest waiting first").isLessThan(due.indexOf(newer));
            assertThat(scanner.dueStores(1)).hasSize(1);
        });
    }

    /** Runs {@code test} with the main dispatcher stopped and a new one (not started) of the probe consumer only. */
    private void insteadOfTheMainDispatcher(String name, java.util.function.Consumer<EventDispatcher> test) {
        EventDispatcher main = service.dispatcher();
        main.stop();
        EventDispatcher other = service.newDispatcher(name, EventConsumers.of(List.of(probe)));
        try {
            test.accept(other);
        } finally {
            other.stop();
            main.start();
        }
    }

    private void setDue(StoreId store, UUID event, String when) {
        tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("update platform.event_delivery set next_attempt_at = " + when + " where event_id = ?")) {
                s.setObject(1, event);
                assertThat(s.executeUpdate()).isEqualTo(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachEventOnceAndInOrderPerAggregate() throws Exception {
        StoreId store = TestStores.create("events-two").id();
        StoreId second = TestStores.create("events-two-b").id();
        EventDispatcher main = service.dispatcher();
        main.stop();
        EventConsumers only = EventConsumers.of(List.of(probe));
        EventDispatcher d1 = service.newDispatcher("d1", only, 4);
        EventDispatcher d2 = service.newDispatcher("d2", only, 4);
        try {
            java.util.Map<StoreId, List<UUID>> aggregates = new java.util.HashMap<>();
            for (StoreId s : List.of(store, second)) {
                List<UUID> list = new ArrayList<>();
                for (int a = 0; a < 30; a++) {
                    list.add(UUID.randomUUID());
                }
                aggregates.put(s, list);
            }
            List<UUID> ids = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                int round = n;
                for (StoreId s : List.of(store, second)) {
                    ids.addAll(tenantScope.call(s, () -> QuarkusTransaction.requiringNew().call(() -> publisher.publishAll(
                            aggregates.get(s).stream().map(a -> new Probe(a, round, "two")).toList()))));
                }
            }
            // Each dispatcher's first handler waits until the other is inside a handler too: proof that
            // they ran at the same time, each on deliveries the other had not claimed.
            probe.dispatchersSeen.clear();
            probe.overlap = new CountDownLatch(2);
            d1.start();
            d2.start();
            awaitTrue(() -> ids.stream().allMatch(id -> probe.timesSeen(id) >= 1), "all delivered");
        } finally {
            d1.stop();
            d2.stop();
            probe.overlap = null;
            main.start();
        }
        assertThat(probe.violations).isEmpty();
        assertThat(probe.dispatchersSeen).containsExactlyInAnyOrder("events-d1", "events-d2");
        List<UUID> twoIds = probe.byEvent.entrySet().stream().filter(e -> e.getValue().get(0).envelope().as(Probe.class).label().equals("two"))
                .map(java.util.Map.Entry::getKey).toList();
        assertThat(twoIds).hasSize(480);
        assertThat(twoIds).allSatisfy(id -> assertThat(probe.timesSeen(id)).as("event %s", id).isEqualTo(1));
        long byD1 = twoIds.stream().filter(id -> probe.byEvent.get(id).get(0).thread().startsWith("events-d1")).count();
        assertThat(byD1).isBetween(1L, 479L);
        assertEightRoundsInOrder(twoIds);
    }

    @Test
    void aStoresBacklogIsDrainedInLanesAtOnceEachAggregateInOrder() {
        StoreId store = TestStores.create("events-lanes").id();
        EventDispatcher main = service.dispatcher();
        main.stop();
        EventDispatcher laned = service.newDispatcher("laned", EventConsumers.of(List.of(probe)), 4);
        List<UUID> ids = new ArrayList<>();
        try {
            List<UUID> aggregates = new ArrayList<>();
            for (int a = 0; a < 30; a++) {
                aggregates.add(UUID.randomUUID());
            }
            for (int n = 0; n < 8; n++) {
                int round = n;
                ids.addAll(tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> publisher.publishAll(
                        aggregates.stream().map(a -> new Probe(a, round, "lanes")).toList()))));
            }
            // The first batch (4 of 240) comes back full, so the store is split into lanes: from the second round on,
            // each handler thread waits until another thread of the same dispatcher is inside a handler too.
            probe.threadsSeen.clear();
            probe.threadOverlap = new CountDownLatch(2);
            laned.start();
            awaitTrue(() -> ids.stream().allMatch(id -> probe.timesSeen(id) >= 1), "all delivered");
        } finally {
            laned.stop();
            probe.threadOverlap = null;
            main.start();
        }
        assertThat(probe.violations).isEmpty();
        assertThat(probe.threadsSeen).hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> assertThat(t).startsWith("events-laned-"));
        assertThat(ids).hasSize(240).allSatisfy(id -> assertThat(probe.timesSeen(id)).as("event %s", id).isEqualTo(1));
        assertEightRoundsInOrder(ids);
    }

    /** Each aggregate of these events received its rounds 0 to 7 in order. */
    private void assertEightRoundsInOrder(List<UUID> ids) {
        for (UUID id : ids) {
            UUID aggregate = probe.byEvent.get(id).get(0).envelope().aggregateId();
            assertThat(probe.orderByAggregate.get(aggregate)).as("order of %s", aggregate).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }
    }

    /**
     * The claim reads a batch, not the backlog: the buffers one claim of ten touches barely change when the store's backlog
     * grows tenfold (the two claims before read every pending delivery: one per claim, one when the statistics were stale).
     */
    @Test
    void aClaimsCostDoesNotGrowWithTheBacklog() {
        StoreId store = TestStores.create("events-claim-cost").id();
        insteadOfTheMainDispatcher("claim-cost", unused -> {
            backlog(store, 300);
            long small = claimBuffers(store, 1, 0);
            backlog(store, 2_700);
            long large = claimBuffers(store, 1, 0);
            long largeLane = claimBuffers(store, 2, 1);
            assertThat(small).as("buffers of a claim at 300 pending").isPositive();
            assertThat(large).as("buffers of a claim at 3,000 pending (%d at 300)", small).isLessThan(small * 2 + 20);
            assertThat(largeLane).as("the same in one lane of two").isLessThan(small * 4 + 40);
            tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement("delete from platform.event where store_id = ?")) {
                    s.setObject(1, store.value());
                    assertThat(s.executeUpdate()).isEqualTo(3_000);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        });
    }

    private void backlog(StoreId store, int events) {
        tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
            List<DomainEvent> batch = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                batch.add(new Probe(UUID.randomUUID(), 0, "backlog"));
            }
            publisher.publishAll(batch);
        }));
    }

    /**
     * Shared buffers read by one claim of ten deliveries of lane {@code lane} of {@code lanes}, as the application role; the
     * second of two claims on one connection, so that planning the function's statement (once per connection) is not counted.
     */
    private long claimBuffers(StoreId store, int lanes, int lane) {
        return tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "explain (analyze, buffers, format json) select * from platform.claim_deliveries(?, array['test.probe'], ?, ?, 10)")) {
                s.setObject(1, store.value());
                s.setInt(2, lanes);
                s.setInt(3, lane);
                long buffers = -1;
                for (int round = 0; round < 2; round++) {
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        // The top node's counts include the function's own statements.
                        jakarta.json.JsonObject plan = JsonP.createReader(new java.io.StringReader(rs.getString(1))).readArray()
                                .getJsonObject(0).getJsonObject("Plan");
                        assertThat(plan.getInt("Actual Rows")).as("ten claimed: %s", plan).isEqualTo(10);
                        buffers = plan.getJsonNumber("Shared Hit Blocks").longValue() + plan.getJsonNumber("Shared Read Blocks").longValue();
                    }
                }
                return buffers;
            }
        }));
    }

    @Test
    void aFailingConsumerIsRetriedWithBackoffWithoutHoldingUpOtherAggregates() {
        StoreId store = TestStores.create("events-retry").id();
        String label = "fail3-" + UUID.randomUUID();
        probe.failuresLeft.put(label, new AtomicInteger(3));
        double failuresBefore = meters.counter("shopgraph.events.failures", "consumer", "test.probe").count();
        UUID failing = publish(store, new Probe(UUID.randomUUID(), 0, label));
        UUID other = publish(store, new Probe(UUID.randomUUID(), 0, "healthy"));

        awaitTrue(() -> probe.timesSeen(failing) == 1, "delivered on the fourth attempt");
        ProbeConsumer.Seen seen = probe.byEvent.get(failing).get(0);
        assertThat(seen.envelope().attempt()).isEqualTo(4);
        assertThat(seen.envelope().eventId()).isEqualTo(failing);
        assertThat(probe.timesSeen(other)).isEqualTo(1);
        assertThat(probe.byEvent.get(other).get(0).envelope().attempt()).as("the other aggregate did not wait for retries").isEqualTo(1);
        assertThat(meters.counter("shopgraph.events.failures", "consumer", "test.probe").count() - failuresBefore).isGreaterThanOrEqualTo(3);
        assertThat(deliveryAttempts(store, failing)).isEqualTo(4);
    }

    @Test
    void deliveredEventsOlderThanTheRetentionArePrunedAndPendingOnesKept() {
        StoreId store = TestStores.create("events-prune").id();
        UUID delivered = publish(store, new Probe(UUID.randomUUID(), 0, "prune"));
        awaitTrue(() -> probe.timesSeen(delivered) == 1, "delivered");
        EventDispatcher main = service.dispatcher();
        main.stop();
        try {
            UUID pending = publish(store, new Probe(UUID.randomUUID(), 0, "prune-pending"));
            int deleted = main.prune(Instant.now().plusSeconds(5));
            assertThat(deleted).isGreaterThanOrEqualTo(1);
            assertThat(eventRows(store, delivered)).isZero();
            assertThat(eventRows(store, pending)).as("an undelivered event is kept").isEqualTo(1);
        } finally {
            main.start();
        }
    }

    @Test
    void backoffDoublesUpToTheCapWithJitter() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            Duration d = EventDispatcher.backoff(attempt, Duration.ofSeconds(1), Duration.ofMinutes(5));
            long full = Math.min(300_000L, 1000L << Math.min(30, attempt - 1));
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void severalEventsPublishedAtOnceKeepTheirOrderAndEachItsOwnConsumers() {
        StoreId store = TestStores.create("outbox-batch").id();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<UUID> ids = tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> publisher.publishAll(List.of(
                new Probe(first, 0, "batch"), new Unheard(first, "nobody listens"), new Probe(second, 0, "batch"), new Probe(first, 1, "batch")))));
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        for (UUID id : ids) {
            assertThat(eventRows(store, id)).isEqualTo(1);
        }
        assertThat(count(store, "select count(*) from platform.event_delivery where event_id = ?", ids.get(1)))
                .as("an event without subscribers has no delivery").isZero();
        List<Long> seqs = new ArrayList<>();
        for (UUID id : ids) {
            seqs.add(count(store, "select seq from platform.event where id = ?", id));
        }
        assertThat(seqs).as("seq follows the order given").isSorted().doesNotHaveDuplicates();
        awaitTrue(() -> ids.stream().filter(id -> !id.equals(ids.get(1))).allMatch(probe.byEvent::containsKey), "the probes are delivered");
        assertThat(probe.byEvent.get(ids.get(3)).get(0).envelope().as(Probe.class).n()).isEqualTo(1);
        assertThat(count(store, "select count(*) from platform.event_delivery where event_id = ? and consumer = 'test.probe'",
                ids.get(2))).isEqualTo(1);
    }

    private UUID publish(StoreId store, DomainEvent event) {
        return tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> publisher.publish(event)));
    }

    private long eventRows(StoreId store, UUID id) {
        return count(store, "select count(*) from platform.event where id = ?", id);
    }

    private long pendingDeliveries(StoreId store, UUID id) {
        return count(store, "select count(*) from platform.event_delivery where event_id = ? and status = 'PENDING'", id);
    }

    private long deliveryAttempts(StoreId store, UUID id) {
        return count(store, "select attempts from platform.event_delivery where event_id = ? and status = 'DONE'", id);
    }

    private long count(StoreId store, String sql, UUID id) {
        return tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        }));
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
