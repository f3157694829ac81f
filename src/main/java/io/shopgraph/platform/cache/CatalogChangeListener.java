package io.shopgraph.platform.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.platform.kernel.StoreId;

/**
 * Listens on the PostgreSQL channel {@value #CHANNEL}, where triggers on every catalog, inventory and
 * store table announce the store whose storefront data changed (any instance, any writer), and moves
 * that store's version in the {@link StorefrontCache}. It holds one dedicated connection as the
 * application role, outside the pool. When the connection breaks the cache is flushed and bypassed
 * until the listener is connected again; a periodic probe detects a silently dead connection.
 */
@ApplicationScoped
public class CatalogChangeListener {

    public static final String CHANNEL = "shopgraph_catalog";

    private static final int POLL_MILLIS = 500;
    private static final long PROBE_NANOS = 5_000_000_000L;

    private final StorefrontCache cache;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    CatalogChangeListener(StorefrontCache cache,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.url = url.orElse(null);
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!cache.enabled() || url == null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "storefront-cache-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long backoff = 200;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                cache.listening(true);
                Log.debugf("Storefront cache listening on %s", CHANNEL);
                backoff = 200;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    Log.warnf("Storefront cache listener lost its connection (%s); cache bypassed until it reconnects",
                            e.getMessage());
                }
            } finally {
                cache.listening(false);
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastContact = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification n : notifications) {
                    apply(n.getParameter());
                }
                lastContact = System.nanoTime();
            } else if (System.nanoTime() - lastContact > PROBE_NANOS) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                lastContact = System.nanoTime();
            }
        }
    }

    private void apply(String payload) {
        try {
            cache.invalidate(new StoreId(UUID.fromString(payload.trim())));
        } catch (IllegalArgumentException e) {
            cache.invalidateAll();
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "shopgraph-cache-listener");
        props.setProperty("socketTimeout", "30");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL");
        }
        c.setAutoCommit(true);
        return c;
    }

    private void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // shutting down
            }
        }
    }

    /** For tests: breaks the listener's connection as a network failure would. */
    public void breakConnectionForTest() {
        closeQuietly();
    }
}
