package io.shopgraph.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Records events in the outbox, inside the caller's transaction: the event row and one delivery row
 * per subscribed consumer commit or roll back with the change that caused them. Nothing is delivered
 * before the commit; after it, the local dispatcher is woken at once (other instances find the work
 * by polling). Call it from a use case's {@code @Transactional} method, after the store is bound.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Object WAKE_KEY = new Object();

    private final AgroalDataSource dataSource;
    private final TenantContext tenant;
    private final EventConsumers consumers;
    private final Jsonb jsonb;
    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry synchronizations;
    private final EventDispatcherService dispatcher;

    EventPublisher(AgroalDataSource dataSource, TenantContext tenant, EventConsumers consumers, Jsonb jsonb,
            TransactionManager transactions, TransactionSynchronizationRegistry synchronizations,
            EventDispatcherService dispatcher) {
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.consumers = consumers;
        this.jsonb = jsonb;
        this.transactions = transactions;
        this.synchronizations = synchronizations;
        this.dispatcher = dispatcher;
    }

    /**
     * Records {@code event} for the current store in the current transaction and returns its event id.
     *
     * @throws IllegalStateException when no transaction is active or no store is bound: an event outside
     *         a transaction could be delivered for a change that never committed
     */
    public UUID publish(DomainEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /** {@link #publish} for several events, recorded in the order given. */
    public List<UUID> publishAll(Collection<? extends DomainEvent> events) {
        return publishAllAt(Instant.now(), events);
    }

    /**
     * {@link #publishAll} with the envelope's {@code occurredAt} given rather than now: for imports and
     * backfills of facts that happened earlier (and the tests that build a dated history), so that
     * consumers bucketing by time place them when they happened. Delivery order is still commit order.
     *
     * @throws IllegalArgumentException when {@code occurredAt} is in the future (the lag metric and every
     *         consumer assume events are past facts)
     */
    public List<UUID> publishAllAt(Instant occurredAt, Collection<? extends DomainEvent> events) {
        if (occurredAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("Events are past facts: occurredAt " + occurredAt + " is in the future");
        }
        Batch batch = batch(occurredAt, events);
        if (batch == null) {
            return List.of();
        }
        // One call for all of them (platform.record_events): per event the same lock, event row and delivery rows as
        // platform.record_event, without a round trip each.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement record = connection.prepareStatement("select platform.record_events(?, ?, ?, ?, ?, ?, ?, ?)")) {
            record.setObject(1, batch.store.value());
            record.setArray(2, connection.createArrayOf("uuid", batch.ids.toArray()));
            record.setArray(3, connection.createArrayOf("uuid", batch.aggregates));
            record.setArray(4, connection.createArrayOf("text", batch.types));
            record.setArray(5, connection.createArrayOf("text", batch.payloads));
            record.setTimestamp(6, Timestamp.from(occurredAt));
            record.setArray(7, connection.createArrayOf("text", batch.consumers.toArray()));
            record.setArray(8, connection.createArrayOf("int4", batch.counts));
            record.execute();
            SqlStatementCounter.outboxStatement();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record events in the outbox", e);
        }
        wakeAfterCommit(batch.store);
        return batch.ids;
    }

    /**
     * {@link #publishAll}'s recording as an expression for the caller's own statement, to save the statement and round trip
     * of its own: {@code select <call>} as the main query of a statement whose data-modifying CTEs make the change, with
     * {@link Recording#params()} among its named parameters (all prefixed {@code ev_}). The caller must run it in this
     * transaction; the events then commit or roll back with that statement's change as with {@link #publishAll}.
     * Same checks as {@link #publishAll}: an active transaction, a bound store.
     */
    public Recording recording(Collection<? extends DomainEvent> events) {
        Instant occurredAt = Instant.now();
        Batch batch = batch(occurredAt, events);
        if (batch == null) {
            return null;
        }
        wakeAfterCommit(batch.store);
        Map<String, Object> params = new HashMap<>();
        params.put("ev_store", batch.store.value());
        // NativeRows binds String[] as text[]: the uuid and int arrays go as text and are cast back in the call.
        params.put("ev_ids", batch.ids.stream().map(UUID::toString).toArray(String[]::new));
        params.put("ev_aggregates", Arrays.stream(batch.aggregates).map(UUID::toString).toArray(String[]::new));
        params.put("ev_types", batch.types);
        params.put("ev_payloads", batch.payloads);
        params.put("ev_occurred", occurredAt);
        params.put("ev_consumers", batch.consumers.toArray(String[]::new));
        params.put("ev_counts", Arrays.stream(batch.counts).map(Object::toString).toArray(String[]::new));
        return new Recording("platform.record_events(:ev_store, cast(:ev_ids as uuid[]), cast(:ev_aggregates as uuid[]), :ev_types, "
                + ":ev_payloads, :ev_occurred, :ev_consumers, cast(:ev_counts as int[]))", params, batch.ids);
    }

    /** What {@link #recording} gives: the call, its named parameters, and the events' ids. */
    public record Recording(String call, Map<String, Object> params, List<UUID> ids) {
    }

    /** The arrays platform.record_events takes, in the events' order; null for no events. */
    private Batch batch(Instant occurredAt, Collection<? extends DomainEvent> events) {
        requireActiveTransaction();
        StoreId store = tenant.store().orElseThrow(() -> new IllegalStateException("Events are published for a store; none is bound"));
        int n = events.size();
        if (n == 0) {
            return null;
        }
        List<UUID> ids = new java.util.ArrayList<>(n);
        UUID[] aggregates = new UUID[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        Integer[] counts = new Integer[n];
        List<String> consumersInOrder = new java.util.ArrayList<>();
        int i = 0;
        for (DomainEvent event : events) {
            ids.add(Ids.newId());
            aggregates[i] = java.util.Objects.requireNonNull(event.aggregateId(), "aggregateId");
            types[i] = EventTypes.nameOf(event.getClass());
            payloads[i] = jsonb.toJson(event);
            List<String> subscribers = consumers.subscribersOf(event.getClass());
            consumersInOrder.addAll(subscribers);
            counts[i] = subscribers.size();
            i++;
        }
        return new Batch(store, ids, aggregates, types, payloads, consumersInOrder, counts);
    }

    private record Batch(StoreId store, List<UUID> ids, UUID[] aggregates, String[] types, String[] payloads, List<String> consumers,
            Integer[] counts) {
    }

    private void requireActiveTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("Events are published inside the transaction of the change");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private void wakeAfterCommit(StoreId store) {
        if (synchronizations.getResource(WAKE_KEY) != null) {
            return;
        }
        synchronizations.putResource(WAKE_KEY, Boolean.TRUE);
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake(store);
                }
            }
        });
    }
}
