package io.shopgraph.platform.persistence;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Bridge to the embedded PostgreSQL launcher, which lives in src/embedded and exists only in
 * builds with the embedded-postgres Maven profile (never in the native image). Reached by
 * reflection so that this class compiles either way.
 */
public final class EmbeddedDatabase {

    /** The property {@code quarkus.datasource.jdbc.max-size} defaults to when the embedded database runs. */
    static final String POOL_SIZE = "shopgraph.embedded-db.pool-size";
    private static final String LAUNCHER = "io.shopgraph.platform.persistence.embedded.EmbeddedPostgresLauncher";

    private EmbeddedDatabase() {
    }

    /** True when a datasource URL comes from the environment or a system property. */
    public static boolean isDatabaseConfigured() {
        return notBlank(System.getProperty("quarkus.datasource.jdbc.url"))
                || notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    /**
     * Whether this run may start the embedded database. {@code ./mvnw quarkus:dev} sets the system
     * property {@code shopgraph.embedded-db.enabled} (see pom.xml: when main() runs, Quarkus has not yet
     * resolved the dev profile); a packaged jar needs SHOPGRAPH_EMBEDDED_DB_ENABLED=true (a local trial,
     * as bench/ does). Tests start theirs through a test resource.
     */
    public static boolean enabled() {
        return Boolean.getBoolean("shopgraph.embedded-db.enabled")
                || "true".equalsIgnoreCase(System.getenv("SHOPGRAPH_EMBEDDED_DB_ENABLED"));
    }

    /**
     * Starts the embedded PostgreSQL with its data under {@code target/embedded-pgdata} (kept
     * between runs) and points Quarkus at it through system properties.
     */
    public static void start() {
        String dataDir = System.getProperty("shopgraph.embedded-db.data-dir",
                System.getenv().getOrDefault("SHOPGRAPH_EMBEDDED_DB_DATA_DIR", "target/embedded-pgdata"));
        Map<String, String> config = launch(Path.of(dataDir), false);
        config.forEach(System::setProperty);
    }

    /**
     * Starts an embedded PostgreSQL in {@code dataDir} (wiped first when {@code clean}) and returns
     * the configuration that points Quarkus at it, without applying it. Used by the test resource.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, String> launch(Path dataDir, boolean clean) {
        try {
            Class<?> launcher = Class.forName(LAUNCHER);
            Map<String, String> config = new HashMap<>(
                    (Map<String, String>) launcher.getMethod("start", Path.class, boolean.class).invoke(null, dataDir, clean));
            config.put(POOL_SIZE, String.valueOf(poolSize(Runtime.getRuntime().availableProcessors())));
            return config;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("This build has no embedded PostgreSQL (it was built without the "
                    + "embedded-postgres profile): set QUARKUS_DATASOURCE_JDBC_URL.", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start: " + e.getCause(), e);
        }
    }

    /**
     * The connection pool's size when PostgreSQL runs on this machine (the default of {@code SHOPGRAPH_DB_POOL_SIZE}, which
     * still wins when set): two connections a core and two more, at most the 20 of an external database. The database
     * and the service then share the cores, and more busy backends than that only queue on them: on the cart
     * add-and-read pair on two cores, 6 connections instead of 20 cost PostgreSQL 9% less CPU per pair and answered 7%
     * more pairs a second (bench/ab.sh, eight interleaved rounds; docs/performance.md). Requests beyond the pool wait for
     * a connection in the service, which costs nothing while they wait.
     */
    static int poolSize(int cores) {
        return Math.max(4, Math.min(20, 2 * cores + 2));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
