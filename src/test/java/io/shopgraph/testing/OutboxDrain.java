package io.shopgraph.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import io.shopgraph.testing.TestStores.TestStore;

/** Waits for an outbox consumer to have handled every event of some stores (read as the superuser). */
public final class OutboxDrain {

    private OutboxDrain() {
    }

    public static void await(String consumer, List<TestStore> stores) throws Exception {
        String url = System.getProperty("quarkus.datasource.jdbc.url");
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            while (true) {
                var q = c.prepareStatement("select count(*) from platform.event_delivery where consumer = ? "
                        + "and status = 'PENDING' and store_id = any(?)");
                q.setString(1, consumer);
                q.setArray(2, c.createArrayOf("uuid", stores.stream().map(s -> s.id().value()).toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as(consumer + " consumed the stores' events in time").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }
}
