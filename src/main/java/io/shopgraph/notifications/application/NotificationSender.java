package io.shopgraph.notifications.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.notifications.application.MailSender.MailSendException;
import io.shopgraph.notifications.application.MailSender.OutgoingMail;
import io.shopgraph.notifications.domain.MailRetry;
import io.shopgraph.notifications.domain.MailText;
import io.shopgraph.platform.events.PollingLoop;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.DueStores;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreContact;

/**
 * Sends due mails, modelled on the webhook sender. A mail is claimed with a lease (a time-limited mark written
 * with {@code FOR UPDATE SKIP LOCKED} in a short transaction), not a held transaction, because SMTP must not hold
 * a database connection: while the lease runs no other sender, on any instance, takes it. The send happens with no
 * transaction and no connection, up to {@code send-concurrency} mails of a batch at once; the batch's outcomes are
 * written in one new short transaction: SENT, a retry at the {@link MailRetry} time, or FAILED after the last attempt.
 * A mail whose outcome could not be written (instance gone mid-send) is sent again when its lease ends: at least once,
 * like every mail system.
 */
@ApplicationScoped
public class NotificationSender {

    /** Stores with due, unleased rows, longest waiting first (one parameter: how many). */
    private static final String DUE_STORES = DueStores.query("notifications.message", "(q.lease_until is null or q.lease_until < now())");

    record Claimed(UUID id, String recipient, String subject, String text, String html, int attempts, String storeName, String replyTo) {
    }

    private final Sql sql;
    private final TenantScope tenantScope;
    private final NotificationsConfig config;
    private final MailSender mailer;
    private final StoreApi stores;
    private final MeterRegistry meters;
    private final MailRetry retry;
    private final ExecutorService sending;
    private PollingLoop loop;

    NotificationSender(Sql sql, TenantScope tenantScope, NotificationsConfig config, MailSender mailer, StoreApi stores,
            MeterRegistry meters) {
        this.sql = sql;
        this.tenantScope = tenantScope;
        this.config = config;
        this.mailer = mailer;
        this.stores = stores;
        this.meters = meters;
        this.retry = new MailRetry(config.retryInitialBackoff(), config.retryMaxBackoff(), config.maxAttempts());
        AtomicInteger n = new AtomicInteger();
        this.sending = Executors.newFixedThreadPool(Math.max(1, config.sendConcurrency()), r -> {
            Thread t = new Thread(r, "notifications-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void start(@Observes StartupEvent event) {
        if (!config.senderEnabled()) {
            return;
        }
        loop = new PollingLoop("notifications-sender", config.pollInterval(), this::runOnce);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
        sending.shutdown();
    }

    /** New mails committed: look now rather than at the next poll. */
    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    /** One round: each store with due mails gets up to {@code batch-size} of them sent. Answers how many were tried. */
    public int runOnce() {
        int tried = 0;
        for (StoreId store : dueStores()) {
            List<Claimed> mails = claim(store);
            // The batch's conversations with the mail server at once (send-concurrency), then their outcomes in one transaction.
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (Claimed mail : mails) {
                outcomes.add(CompletableFuture.supplyAsync(() -> send(mail), sending));
            }
            List<String> errors = outcomes.stream().map(CompletableFuture::join).toList();
            record(store, mails, errors);
            tried += mails.size();
        }
        return tried;
    }

    private List<StoreId> dueStores() {
        return QuarkusTransaction.requiringNew().call(() -> {
            sql.declare("app.notifications_scan");
            return sql.query(DUE_STORES, rs -> new StoreId(rs.getObject(1, UUID.class)), 200);
        });
    }

    private List<Claimed> claim(StoreId store) {
        double leaseSeconds = config.lease().toSeconds();
        List<Claimed> claimed = tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> sql.query(
                "update notifications.message m set lease_until = now() + make_interval(secs => ?) where m.store_id = ? and m.id in ("
                        + "select id from notifications.message where store_id = ? and status = 'PENDING' and next_attempt_at <= now() "
                        + "and (lease_until is null or lease_until < now()) order by next_attempt_at limit ? for update skip locked) "
                        + "returning m.id, m.recipient, m.subject, m.body_text, m.body_html, m.attempts",
                rs -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        null, null),
                leaseSeconds, store.value(), store.value(), config.batchSize())));
        if (claimed.isEmpty()) {
            return claimed;
        }
        // The store's name and reply-to address as they are now (the store may have renamed itself since the mail was queued).
        StoreContact contact = tenantScope.call(store, () -> stores.contact(store)).orElse(new StoreContact(store, "", null, null));
        return claimed.stream().map(c -> new Claimed(c.id(), c.recipient(), c.subject(), c.text(), c.html(), c.attempts(), contact.name(),
                contact.contactEmail()))
                .toList();
    }

    /** One attempt: no transaction, no connection while the mail server talks. Answers the error, or null when sent. */
    private String send(Claimed mail) {
        String error = null;
        try {
            mailer.send(new OutgoingMail(MailText.displayName(mail.storeName()), config.fromAddress(), mail.recipient(), mail.replyTo(),
                    mail.subject(), mail.text(), mail.html()));
        } catch (MailSendException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "The mail could not be sent (" + e.getClass().getSimpleName() + ")";
        }
        meters.counter("shopgraph.notifications.attempts", "outcome", error == null ? "sent" : "failed").increment();
        return error;
    }

    /** The outcomes of a batch's attempts ({@code errors[i]} of {@code mails[i]}, null when sent), in one transaction. */
    private void record(StoreId store, List<Claimed> mails, List<String> errors) {
        if (mails.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < mails.size(); i++) {
                    record(store, mails.get(i), errors.get(i), now);
                }
            }));
        } catch (RuntimeException e) {
            Log.warnf("Notification sender could not record the attempts of %d mails of store %s (their leases expire and they are "
                    + "sent again): %s", mails.size(), store, e.toString());
        }
    }

    private void record(StoreId store, Claimed mail, String error, Instant now) {
        int attempt = mail.attempts() + 1;
        Optional<Instant> next = error == null ? Optional.empty() : retry.next(attempt, now, ThreadLocalRandom.current()::nextDouble);
        if (error == null) {
            sql.update("update notifications.message set status = 'SENT', attempts = ?, sent_at = ?, last_error = null, lease_until = null "
                    + "where store_id = ? and id = ?", attempt, now, store.value(), mail.id());
        } else if (next.isPresent()) {
            sql.update("update notifications.message set attempts = ?, next_attempt_at = ?, last_error = ?, lease_until = null "
                    + "where store_id = ? and id = ?", attempt, next.get(), error, store.value(), mail.id());
        } else {
            sql.update("update notifications.message set status = 'FAILED', attempts = ?, last_error = ?, lease_until = null "
                    + "where store_id = ? and id = ?", attempt, error, store.value(), mail.id());
            meters.counter("shopgraph.notifications.given_up").increment();
            Log.warnf("Notification %s of store %s given up after %d attempts: %s", mail.id(), store, attempt, error);
        }
    }
}
