package io.shopgraph;

import io.quarkus.runtime.LaunchMode;
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
            boolean allowed = LaunchMode.current() != LaunchMode.NORMAL || EmbeddedDatabase.explicitlyRequested();
            if (!allowed) {
                System.err.println("""
                        ShopGraph needs a PostgreSQL database in production.
                        Set QUARKUS_DATASOURCE_JDBC_URL (e.g. jdbc:postgresql://db:5432/shopgraph),
                        QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD, and for migrations as a
                        separate owner role QUARKUS_FLYWAY_USERNAME and QUARKUS_FLYWAY_PASSWORD.
                        (For a local trial only: SHOPGRAPH_EMBEDDED_DB=true starts an embedded PostgreSQL.)""");
                System.exit(2);
            }
            EmbeddedDatabase.start();
        }
        Quarkus.run(args);
    }
}
