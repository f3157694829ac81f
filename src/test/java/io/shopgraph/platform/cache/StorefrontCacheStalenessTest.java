package io.shopgraph.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.shopgraph.platform.kernel.StoreId;

/** The staleness rules of the storefront cache itself: fresh, then stale (served while recomputed), then gone. */
class StorefrontCacheStalenessTest {

    private static final StoreId STORE = new StoreId(UUID.randomUUID());
    private static final byte[] BODY = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void anEntryIsFreshThenStaleThenGoneAfterTwiceTheMaxAge() throws InterruptedException {
        StorefrontCache cache = connected(Duration.ofMillis(300));
        assertThat(cache.put(STORE, "", "q", cache.stamp(STORE), "application/json", BODY)).isTrue();

        StorefrontCache.Hit fresh = cache.get(STORE, "", "q");
        Thread.sleep(400);
        StorefrontCache.Hit stale = cache.get(STORE, "", "q");
        Thread.sleep(400);
        StorefrontCache.Hit gone = cache.get(STORE, "", "q");

        assertThat(fresh.stale()).isFalse();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.body()).isEqualTo(BODY);
        assertThat(gone).isNull();
    }

    @Test
    void aKnownChangeIsNeverServedStale() {
        StorefrontCache cache = connected(Duration.ofSeconds(60));
        cache.put(STORE, "", "q", cache.stamp(STORE), "application/json", BODY);

        cache.invalidate(STORE);

        assertThat(cache.get(STORE, "", "q")).isNull();
    }

    private static StorefrontCache connected(Duration maxAge) {
        StorefrontCache cache = new StorefrontCache(true, maxAge, 100, new MemorySize(java.math.BigInteger.valueOf(1 << 20)));
        cache.listening(true);
        return cache;
    }
}
