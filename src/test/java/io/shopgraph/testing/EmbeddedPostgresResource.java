package io.shopgraph.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shopgraph.platform.persistence.EmbeddedDatabase;

/** A fresh embedded PostgreSQL in a temporary directory for the test run (one boot for all tests). */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        try {
            Path dataDir = Files.createTempDirectory("shopgraph-test-pg");
            Map<String, String> config = new java.util.HashMap<>(EmbeddedDatabase.launch(dataDir, true));
            config.forEach(System::setProperty);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    @Override
    public void stop() {
        // The launcher's shutdown hook stops PostgreSQL when the test JVM exits.
    }
}
