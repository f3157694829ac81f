package io.shopgraph;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.shopgraph.platform.persistence.EmbeddedDatabase;

/**
 * Starts ShopGraph. In dev mode, when no database is configured, it first starts the embedded
 * PostgreSQL (which only exists on non-native builds); in production a database is required.
 */
@QuarkusMain
public class ShopGraphMain {

    public static void main(String... args) {
        if (!EmbeddedDatabase.isDatabaseConfigured()) {
            if (!EmbeddedDatabase.enabled()) {
                System.err.println("""
                        ShopGraph needs a PostgreSQL database in production.
                        Set QUARKUS_DATASOURCE_JDBC_URL (e.g. jdbc:postgresql://db:5432/shopgraph),
                        QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD, and for migrations as a
                        separate owner role QUARKUS_FLYWAY_USERNAME and QUARKUS_FLYWAY_PASSWORD.
                        (For a local trial only: SHOPGRAPH_EMBEDDED_DB_ENABLED=true starts an embedded PostgreSQL.)""");
                System.exit(2);
            }
            EmbeddedDatabase.start();
            disableMerchantLoginForTrialsWithoutIssuer();
        }
        Quarkus.run(args);
    }

    /**
     * A packaged-jar trial on the embedded database (bench/, a first look) may have no OIDC issuer;
     * production must configure one, and quarkus-oidc refuses to start without it. Dev mode has the
     * OIDC dev service.
     */
    private static void disableMerchantLoginForTrialsWithoutIssuer() {
        boolean devMode = Boolean.getBoolean("shopgraph.embedded-db.enabled");
        boolean issuer = System.getenv("SHOPGRAPH_OIDC_ISSUER_URL") != null || System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") != null;
        if (!devMode && !issuer) {
            System.err.println("No OIDC issuer configured (SHOPGRAPH_OIDC_ISSUER_URL): merchant operations are disabled for this trial.");
            System.setProperty("quarkus.oidc.tenant-enabled", "false");
        }
    }
}
