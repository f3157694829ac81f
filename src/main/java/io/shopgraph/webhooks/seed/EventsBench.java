package io.shopgraph.webhooks.seed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.sun.net.httpserver.HttpServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.catalog.api.events.ProductUpdated;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.webhooks.domain.WebhookSignature;

/**
 * bench/events.sh's load: {@code rate} outbox events per second for {@code duration}, one per transaction,
 * spread over stores that each have a webhook subscription to a receiver on loopback. It reports how many
 * were published, delivered to the outbox consumer and received over HTTP, and the lags (commit to
 * fan-out, occurrence to webhook received). The events are {@code catalog.ProductUpdated} records with a
 * small product, published directly (no GraphQL): the bench measures the pipeline, not the catalog.
 */
// Left out of native images (shopgraph.seed.excluded, application.properties); -Dshopgraph.seed.excluded=false keeps it.
@UnlessBuildProperty(name = "shopgraph.seed.excluded", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class EventsBench {

    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");

    private final EventsBenchConfig config;
    private final EventPublisher publisher;
    private final TenantScope tenantScope;
    private final AgroalDataSource dataSource;

    EventsBench(EventsBenchConfig config, EventPublisher publisher, TenantScope tenantScope, AgroalDataSource dataSource) {
        this.config = config;
        this.publisher = publisher;
        this.tenantScope = tenantScope;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.rate() <= 0) {
            return;
        }
        Thread runner = new Thread(this::run, "events-bench");
        runner.setDaemon(true);
        runner.start();
    }

    private void run() {
        try {
            ConcurrentLinkedQueue<Long> webhookLags = new ConcurrentLinkedQueue<>();
            Set<String> received = ConcurrentHashMap.newKeySet();
            AtomicLong duplicates = new AtomicLong();
            // One receiver (endpoint) per store, as partner apps have: the per-endpoint limit applies to each.
            List<HttpServer> receivers = new ArrayList<>();
            var pool = Executors.newFixedThreadPool(16);
            for (int i = 0; i < config.stores(); i++) {
                HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", config.receiverPort() + i), 200);
                receiver.setExecutor(pool);
                receivers.add(receiver);
            }
            for (HttpServer receiver : receivers) receiver.createContext("/", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher occurred = OCCURRED.matcher(body);
                Matcher id = EVENT_ID.matcher(body);
                if (occurred.find() && id.find()) {
                    webhookLags.add(Duration.between(Instant.parse(occurred.group(1)), Instant.now()).toMillis());
                    if (!received.add(id.group(1))) {
                        duplicates.incrementAndGet();
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            receivers.forEach(HttpServer::start);

            List<StoreId> stores = new ArrayList<>();
            for (int s = 0; s < config.stores(); s++) {
                int i = s;
                StoreId store = new StoreId(UUID.randomUUID());
                stores.add(store);
                tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> execute(
                        "insert into webhooks.subscription (store_id, id, topic, callback_url, secret, created_at, updated_at) "
                                + "values (?, ?, 'PRODUCTS_UPDATE', ?, ?, now(), now())",
                        store.value(), UUID.randomUUID(), "http://127.0.0.1:" + (config.receiverPort() + i) + "/hooks",
                        WebhookSignature.newSecret())));
            }
            List<UUID> products = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                products.add(UUID.randomUUID());
            }
            Log.infof("EVENTS BENCH: publishing %d events/s for %s over %d stores (%d threads)", config.rate(), config.duration(),
                    config.stores(), config.threads());
            AtomicLong published = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            long end = start + config.duration().toNanos();
            double perThreadInterval = 1e9 * config.threads() / config.rate();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < config.threads(); t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    long n = 0;
                    while (true) {
                        long due = start + (long) ((n + offset / (double) config.threads()) * perThreadInterval);
                        if (due >= end || System.nanoTime() >= end) {
                            return; // on schedule or not, publishing stops at the end of the duration
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        StoreId store = stores.get(ThreadLocalRandom.current().nextInt(stores.size()));
                        UUID product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
                        try {
                            tenantScope.run(store, () -> QuarkusTransaction.requiringNew().run(() -> publisher.publish(
                                    new ProductUpdated(product, "{\"id\":\"" + GlobalId.format("Product", product) + "\",\"title\":\"Bench\"}"))));
                            published.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                        n++;
                    }
                }, "events-bench-" + t);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            long receivedAtEnd = received.size();
            long drainStart = System.nanoTime();
            while (received.size() < published.get() && System.nanoTime() - drainStart < 180_000_000_000L) {
                Thread.sleep(200);
            }
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            long[] lags = webhookLags.stream().mapToLong(Long::longValue).sorted().toArray();
            Log.infof("EVENTS BENCH: published %d in %.1f s (%.0f/s, %d failed); webhooks received %d (%d by the end of publishing, "
                    + "%d duplicates) in %.1f s (%.0f/s)", published.get(), publishSeconds, published.get() / publishSeconds, failed.get(),
                    received.size(), receivedAtEnd, duplicates.get(), totalSeconds, received.size() / totalSeconds);
            Log.infof("EVENTS BENCH: webhook lag (occurred -> received) ms: p50 %d, p95 %d, p99 %d, max %d", pct(lags, 50), pct(lags, 95),
                    pct(lags, 99), lags.length == 0 ? -1 : lags[lags.length - 1]);
            Log.infof("EVENTS BENCH: outbox lag (occurred -> consumer done) ms: %s", outboxLag());
            receivers.forEach(r -> r.stop(0));
            pool.shutdown();
        } catch (IOException | InterruptedException | RuntimeException e) {
            Log.errorf(e, "EVENTS BENCH failed");
        }
    }

    private String outboxLag() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var c = dataSource.getConnection()) {
                try (var s = c.createStatement()) {
                    s.execute("select set_config('app.events_scan', 'on', true)");
                }
                try (var s = c.prepareStatement("select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by "
                        + "extract(epoch from d.delivered_at - e.occurred_at) * 1000), max(extract(epoch from d.delivered_at - e.occurred_at) * 1000), "
                        + "count(*) from platform.event_delivery d join platform.event e on e.store_id = d.store_id and e.id = d.event_id "
                        + "where d.consumer = 'webhooks.fanout' and d.status = 'DONE' and e.type = 'catalog.ProductUpdated'");
                        var rs = s.executeQuery()) {
                    rs.next();
                    Double[] p = (Double[]) rs.getArray(1).getArray();
                    return String.format("p50 %.0f, p95 %.0f, p99 %.0f, max %.0f over %d deliveries", p[0], p[1], p[2], rs.getDouble(2),
                            rs.getLong(3));
                }
            }
        });
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private void execute(String sql, Object... params) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
