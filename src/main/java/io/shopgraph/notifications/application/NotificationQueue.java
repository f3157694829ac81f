package io.shopgraph.notifications.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.shopgraph.notifications.domain.NotificationKind;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.Sql;

/** Writes mails to the queue in the caller's transaction, and wakes the sender once that transaction committed. */
@ApplicationScoped
public class NotificationQueue {

    private final Sql sql;
    private final TransactionSynchronizationRegistry synchronizations;
    private final NotificationSender sender;

    NotificationQueue(Sql sql, TransactionSynchronizationRegistry synchronizations, NotificationSender sender) {
        this.sql = sql;
        this.synchronizations = synchronizations;
        this.sender = sender;
    }

    /** Queues the mail of an event once: a second call for the same event and kind inserts nothing. */
    void enqueue(StoreId store, UUID order, UUID eventId, NotificationKind kind, String recipient, OrderMailRenderer.Rendered mail) {
        sql.update("insert into notifications.message (store_id, id, order_id, event_id, kind, recipient, template, order_paid, subject, "
                + "body_text, body_html, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now()) "
                + "on conflict (store_id, event_id, kind) where event_id is not null do nothing",
                store.value(), Ids.newId(), order, eventId, kind, recipient, mail.template(), mail.orderPaid(), mail.subject(), mail.text(),
                mail.html());
        wakeAfterCommit();
    }

    /** Queues a copy of an earlier mail (same recipient and content) as a new one; answers its id. */
    UUID resend(StoreId store, UUID original) {
        UUID id = Ids.newId();
        sql.update("insert into notifications.message (store_id, id, order_id, resend_of, kind, recipient, template, order_paid, subject, "
                + "body_text, body_html, next_attempt_at, created_at) select store_id, ?, order_id, id, kind, recipient, template, order_paid, "
                + "subject, body_text, body_html, now(), now() from notifications.message where store_id = ? and id = ?",
                id, store.value(), original);
        wakeAfterCommit();
        return id;
    }

    private void wakeAfterCommit() {
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
}
