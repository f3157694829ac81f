package io.shopgraph.webhooks.application;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonReader;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.shopgraph.platform.kernel.JsonP;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventConsumer;
import io.shopgraph.platform.events.EventEnvelope;
import io.shopgraph.platform.events.ResourceEvent;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.webhooks.domain.WebhookTopic;

/**
 * The outbox consumer of webhooks: each committed event of a topic becomes one delivery per active
 * subscription to that topic, with the body that will be signed and sent (fixed now, so retries and
 * replays send the same bytes). Idempotent by event id: a second run inserts nothing.
 */
@ApplicationScoped
public class WebhookFanout implements EventConsumer {

    private final Sql sql;
    private final TransactionSynchronizationRegistry synchronizations;
    private final WebhookSender sender;
    private final OrderWebhookPayloads orderPayloads;

    WebhookFanout(Sql sql, TransactionSynchronizationRegistry synchronizations, WebhookSender sender, OrderWebhookPayloads orderPayloads) {
        this.sql = sql;
        this.synchronizations = synchronizations;
        this.sender = sender;
        this.orderPayloads = orderPayloads;
    }

    @Override
    public String name() {
        return "webhooks.fanout";
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Arrays.stream(WebhookTopic.values()).map(WebhookTopic::event).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void handle(EventEnvelope envelope) {
        WebhookTopic topic = WebhookTopic.of(envelope.event().getClass()).orElseThrow();
        UUID store = envelope.storeId().value();
        List<UUID> subscriptions = sql.query("select id from webhooks.subscription where store_id = ? and topic = ? and status = 'ACTIVE'",
                rs -> rs.getObject(1, UUID.class), store, topic);
        if (subscriptions.isEmpty()) {
            return;
        }
        String resource = envelope.event() instanceof ResourceEvent r ? r.resourceJson() : orderPayloads.data(envelope).orElse(null);
        if (resource == null) {
            return; // the order is gone (a store deleted): nothing to tell
        }
        String body = body(envelope, topic, resource);
        for (UUID subscription : subscriptions) {
            sql.update("insert into webhooks.delivery (store_id, id, subscription_id, event_id, topic, body, next_attempt_at, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, now(), now()) on conflict do nothing",
                    store, Ids.newId(), subscription, envelope.eventId(), topic, body);
        }
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.wake();
                }
            }
        });
    }

    /** The payload: the event's identity and the resource in the API's own shape. */
    static String body(EventEnvelope envelope, WebhookTopic topic, String resource) {
        try (JsonReader reader = JsonP.createReader(new StringReader(resource))) {
            return JsonP.createObjectBuilder()
                    .add("id", envelope.eventId().toString())
                    .add("topic", topic.name())
                    .add("shopId", GlobalId.format("Shop", envelope.storeId().value()))
                    .add("occurredAt", envelope.occurredAt().toString())
                    .add("data", reader.readObject())
                    .build().toString();
        }
    }
}
