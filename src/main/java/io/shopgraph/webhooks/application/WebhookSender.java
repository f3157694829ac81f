package io.shopgraph.webhooks.application;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.platform.events.PollingLoop;
import io.shopgraph.platform.persistence.DueStores;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.webhooks.domain.RetrySchedule;
import io.shopgraph.webhooks.domain.WebhookSignature;
import io.shopgraph.webhooks.domain.WebhookTargets;

/**
 * Posts due deliveries. A delivery is claimed with a lease (a time-limited mark written with
 * {@code FOR UPDATE SKIP LOCKED}), not a held transaction, because the HTTP call must not hold a database
 * connection: while the lease runs no other sender, on any instance, takes it. Each attempt re-checks the
 * target against the SSRF rules, follows no redirect and has a short timeout. Back-pressure: at most
 * {@code sender-threads} posts at once, {@code per-store-concurrency} per store and
 * {@code per-endpoint-concurrency} per endpoint (host and port); a delivery whose
 * endpoint is busy is released at once for a later round, so a slow or dead endpoint holds only its own
 * slots and never the other stores' deliveries.
 */
@ApplicationScoped
public class WebhookSender {

    /** Stores with due, unleased rows, longest waiting first (one parameter: how many). */
    private static final String DUE_STORES = DueStores.query("webhooks.delivery", "(q.lease_until is null or q.lease_until < now())");

    record Claimed(UUID id, UUID subscriptionId, UUID eventId, String topic, String body, int attempts, Instant createdAt,
            boolean replay, String url, String secret, String previousSecret) {
    }

    private final Sql sql;
    private final TenantScope tenantScope;
    private final WebhooksConfig config;
    private final MeterRegistry meters;
    private final WebhookTargets targets;
    private final RetrySchedule schedule;
    private final HttpClient http;
    private final ConcurrentHashMap<String, Semaphore> endpoints = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<StoreId, AtomicInteger> storeInFlight = new ConcurrentHashMap<>();
    private ExecutorService senders;
    private PollingLoop loop;

    WebhookSender(Sql sql, TenantScope tenantScope, WebhooksConfig config, MeterRegistry meters) {
        this.sql = sql;
        this.tenantScope = tenantScope;
        this.config = config;
        this.meters = meters;
        this.targets = WebhookSubscriptions.targets(config);
        this.schedule = new RetrySchedule(config.retryInitialBackoff(), config.retryMaxBackoff(), config.retryPeriod());
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    void start(@Observes StartupEvent event) {
        if (!config.senderEnabled()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.senderThreads(), r -> {
            Thread t = new Thread(r, "webhooks-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new PollingLoop("webhooks-sender", config.pollInterval(), () -> dueStores().forEach(this::claimAndSend));
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
            senders.shutdown();
            try {
                senders.awaitTermination(config.requestTimeout().toSeconds() + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New deliveries committed: look now rather than at the next poll. */
    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private List<StoreId> dueStores() {
        return QuarkusTransaction.requiringNew().call(() -> {
            sql.declare("app.webhooks_scan");
            return sql.query(DUE_STORES, rs -> new StoreId(rs.getObject(1, UUID.class)), 200);
        });
    }

    private void claimAndSend(StoreId store) {
        AtomicInteger ofStore = storeInFlight.computeIfAbsent(store, k -> new AtomicInteger());
        int free = Math.min(config.senderThreads() - inFlight.get(), config.perStoreConcurrency() - ofStore.get());
        if (free <= 0) {
            return;
        }
        double leaseSeconds = config.connectTimeout().plus(config.requestTimeout()).toSeconds() + 30;
        List<Claimed> claimed = tenantScope.call(store, () -> QuarkusTransaction.requiringNew().call(() -> sql.query(
                "update webhooks.delivery d set lease_until = now() + make_interval(secs => ?) from webhooks.subscription s "
                        + "where d.store_id = ? and s.store_id = d.store_id and s.id = d.subscription_id and d.id in ("
                        + "select id from webhooks.delivery where store_id = ? and status = 'PENDING' and next_attempt_at <= now() "
                        + "and (lease_until is null or lease_until < now()) order by next_attempt_at limit ? for update skip locked) "
                        + "returning d.id, d.subscription_id, d.event_id, d.topic, d.body, d.attempts, d.created_at, d.replay_of, "
                        + "s.callback_url, s.secret, case when s.previous_secret_expires_at > now() then s.previous_secret end",
                rs -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getObject(8) != null, rs.getString(9),
                        rs.getString(10), rs.getString(11)),
                leaseSeconds, store.value(), store.value(), free)));
        for (Claimed delivery : claimed) {
            Semaphore endpoint = endpoints.computeIfAbsent(endpointOf(delivery.url()), k -> new Semaphore(config.perEndpointConcurrency()));
            if (!endpoint.tryAcquire()) {
                release(store, delivery); // its endpoint is busy: later, without holding anyone up
                continue;
            }
            inFlight.incrementAndGet();
            ofStore.incrementAndGet();
            try {
                senders.execute(() -> {
                    try {
                        send(store, delivery);
                    } finally {
                        endpoint.release();
                        inFlight.decrementAndGet();
                        ofStore.decrementAndGet();
                        wake();
                    }
                });
            } catch (RuntimeException e) {
                endpoint.release();
                inFlight.decrementAndGet();
                ofStore.decrementAndGet();
                release(store, delivery);
            }
        }
    }

    private static String endpointOf(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getHost() + ":" + uri.getPort()).toLowerCase();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private void release(StoreId store, Claimed delivery) {
        tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> sql.update(
                "update webhooks.delivery set lease_until = null where store_id = ? and id = ?", store.value(), delivery.id())));
    }

    /** One attempt: SSRF check, signed POST, outcome recorded. */
    void send(StoreId store, Claimed delivery) {
        long started = System.nanoTime();
        Optional<String> refusal = targets.refusal(delivery.url());
        if (refusal.isPresent()) {
            meters.counter("shopgraph.webhooks.attempts", "outcome", "refused").increment();
            record(store, delivery, null, 0, "Refused target: " + refusal.get());
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url().strip())).timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "ShopGraph-Webhooks/1")
                .header("X-ShopGraph-Topic", delivery.topic())
                .header("X-ShopGraph-Event-Id", delivery.eventId().toString())
                .header("X-ShopGraph-Delivery-Id", GlobalId.format(WebhookDeliveryView.TYPE, delivery.id()))
                .header("X-ShopGraph-Shop-Id", GlobalId.format("Shop", store.value()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.header(timestamp, delivery.body(), delivery.secret(), delivery.previousSecret()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        if (delivery.replay()) {
            request.header("X-ShopGraph-Replay", "true");
        }
        Integer status = null;
        String error;
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            error = status >= 200 && status < 300 ? null
                    : "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "");
        } catch (HttpTimeoutException e) {
            error = "No answer within " + config.requestTimeout().toSeconds() + " s";
        } catch (IOException e) {
            error = "Connection failed (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted (instance shutting down)";
        } catch (IllegalArgumentException e) {
            error = "The callback URL is not valid";
        }
        int latency = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        meters.counter("shopgraph.webhooks.attempts", "outcome", error == null ? "delivered" : "failed").increment();
        meters.timer("shopgraph.webhooks.latency").record(Duration.ofMillis(latency));
        record(store, delivery, status, latency, error);
    }

    private void record(StoreId store, Claimed delivery, Integer status, int latencyMs, String error) {
        int attempt = delivery.attempts() + 1;
        Instant now = Instant.now();
        Optional<Instant> next = error == null ? Optional.empty()
                : schedule.next(attempt, delivery.createdAt(), now, ThreadLocalRandom.current()::nextDouble);
        try {
            tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> {
                UUID s = store.value();
                sql.update("insert into webhooks.attempt (store_id, delivery_id, number, attempted_at, status_code, latency_ms, error) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", s, delivery.id(), attempt, now, status, latencyMs, error);
                if (error == null) {
                    sql.update("update webhooks.delivery set status = 'DELIVERED', attempts = ?, delivered_at = ?, last_status_code = ?, "
                            + "last_error = null, lease_until = null where store_id = ? and id = ?", attempt, now, status, s, delivery.id());
                    sql.update("update webhooks.subscription set status = 'ACTIVE', failure_reason = null, failing_since = null, "
                            + "updated_at = now() where store_id = ? and id = ? and status = 'FAILING'", s, delivery.subscriptionId());
                } else if (next.isPresent()) {
                    sql.update("update webhooks.delivery set attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, "
                            + "lease_until = null where store_id = ? and id = ?", attempt, next.get(), status, error, s, delivery.id());
                } else {
                    String reason = "Gave up on delivery " + GlobalId.format(WebhookDeliveryView.TYPE, delivery.id()) + " after " + attempt
                            + " attempts over " + config.retryPeriod().toHours() + " h; last: " + error;
                    sql.update("update webhooks.delivery set status = 'FAILED', attempts = ?, last_status_code = ?, last_error = ?, "
                            + "lease_until = null where store_id = ? and id = ?", attempt, status, error, s, delivery.id());
                    sql.update("update webhooks.subscription set status = 'FAILING', failure_reason = ?, failing_since = now(), "
                            + "updated_at = now() where store_id = ? and id = ?", reason, s, delivery.subscriptionId());
                    meters.counter("shopgraph.webhooks.given_up").increment();
                    Log.warnf("Webhook subscription %s of store %s marked failing: %s", delivery.subscriptionId(), store, reason);
                }
            }));
        } catch (RuntimeException e) {
            Log.warnf("Webhook sender could not record attempt %d of %s (the lease expires and it is tried again): %s", attempt,
                    delivery.id(), e.toString());
        }
    }
}
