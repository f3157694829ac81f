package io.shopgraph.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
        requireActiveTransaction();
        StoreId store = tenant.store().orElseThrow(() -> new IllegalStateException("Events are published for a store; none is bound"));
        int n = events.size();
        if (n == 0) {
            return List.of();
        }
        List<UUID> ids = new java.util.ArrayList<>(n);
        Object[] aggregates = new Object[n];
        Object[] types = new Object[n];
        Object[] payloads = new Object[n];
        Object[] counts = new Object[n];
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
        // One call for all of them (platform.record_events): per event the same lock, event row and delivery rows as
        // platform.record_event, without a round trip each.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement record = connection.prepareStatement("select platform.record_events(?, ?, ?, ?, ?, ?, ?, ?)")) {
            record.setObject(1, store.value());
            record.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            record.setArray(3, connection.createArrayOf("uuid", aggregates));
            record.setArray(4, connection.createArrayOf("text", types));
            record.setArray(5, connection.createArrayOf("text", payloads));
            record.setTimestamp(6, Timestamp.from(occurredAt));
            record.setArray(7, connection.createArrayOf("text", consumersInOrder.toArray()));
            record.setArray(8, connection.createArrayOf("int4", counts));
            record.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record events in the outbox", e);
        }
        wakeAfterCommit(store);
        return ids;
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
