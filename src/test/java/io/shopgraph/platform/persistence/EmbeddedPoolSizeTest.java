package io.shopgraph.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** On the embedded database the pool is sized to the cores it shares with PostgreSQL, unless SHOPGRAPH_DB_POOL_SIZE says. */
@QuarkusTest
class EmbeddedPoolSizeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoConnectionsACorePlusTwoBetweenFourAndTwenty() {
        assertThat(EmbeddedDatabase.poolSize(1)).isEqualTo(4);
        assertThat(EmbeddedDatabase.poolSize(2)).isEqualTo(6);
        assertThat(EmbeddedDatabase.poolSize(4)).isEqualTo(10);
        assertThat(EmbeddedDatabase.poolSize(64)).isEqualTo(20);
    }

    @Test
    void theRunningPoolHasTheEmbeddedSize() {
        int expected = System.getenv("SHOPGRAPH_DB_POOL_SIZE") != null ? Integer.parseInt(System.getenv("SHOPGRAPH_DB_POOL_SIZE"))
                : EmbeddedDatabase.poolSize(Runtime.getRuntime().availableProcessors());
        assertThat(dataSource.getConfiguration().connectionPoolConfiguration().maxSize()).isEqualTo(expected);
    }
}
