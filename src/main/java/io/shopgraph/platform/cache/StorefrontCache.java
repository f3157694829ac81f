package io.shopgraph.platform.cache;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.configuration.MemorySize;
import io.shopgraph.platform.kernel.StoreId;

/**
 * Whole storefront GraphQL responses of public catalog reads, per store (docs/performance.md).
 * <p>
 * Correctness rests on versions, not on timing alone: every store has a version that moves when
 * anything it shows may have changed (a write committed on this instance, or a PostgreSQL
 * notification from any instance), and the whole cache has an epoch that moves when the
 * notification listener (re)connects. A response is stored with the {@link Stamp} taken
 * <em>before</em> it was computed and is served only while that stamp is still current, so a
 * result read before a concurrent commit is never served after that commit is known. While the
 * listener is not connected the cache serves and stores nothing. Every entry also goes stale after
 * {@code shopgraph.storefront-cache.max-age}, which bounds what notifications cannot tell (a scheduled
 * {@code publishedAt} passing, a notification lost in flight): a stale entry is served only while one
 * request recomputes it, and never once it is twice the max age old.
 * <p>
 * Memory is bounded by entry count and bytes, least recently used first.
 */
@ApplicationScoped
public class StorefrontCache {

    /** The versions a response was computed under. */
    public record Stamp(long epoch, long storeVersion) {
    }

    /**
     * A cached response body; {@code stale} when it is older than the max age (but no change is known): it may
     * be served while one request computes its successor (stale-while-revalidate), never for longer than a
     * second max age.
     */
    public record Hit(String contentType, byte[] body, String etag, boolean stale) {
    }

    private record Key(UUID store, String variant, String request) {
    }

    /** {@code etag}: a strong validator over the body, computed once when the entry is stored, not per hit. */
    private record Entry(Stamp stamp, long createdAt, String contentType, byte[] body, String etag, long weight) {
    }

    private final boolean enabled;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final long maxBytes;

    private final AtomicLong clock = new AtomicLong();
    private final ConcurrentHashMap<UUID, Long> storeVersions = new ConcurrentHashMap<>();
    private volatile long epoch;
    private volatile boolean listening;

    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    @Inject
    StorefrontCache(StorefrontCacheConfig config) {
        this(config.enabled(), config.maxAge(), config.maxEntries(),
                config.maxSize());
    }

    /** With explicit bounds (StorefrontCacheStalenessTest builds one without the application). */
    StorefrontCache(boolean enabled, Duration maxAge, int maxEntries, MemorySize maxSize) {
        this.enabled = enabled;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.maxBytes = maxSize.asLongValue();
    }

    /** Whether responses may be served and stored now: enabled, and the change listener is connected. */
    public boolean active() {
        return enabled && listening;
    }

    public boolean enabled() {
        return enabled;
    }

    /** {@code shopgraph.storefront-cache.max-age} in whole seconds (at least 1): the max-age told to shared caches. */
    public long maxAgeSeconds() {
        return Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(maxAgeNanos));
    }

    /** The versions to compute a response of this store under; take it before reading anything. */
    public Stamp stamp(StoreId store) {
        long e = epoch;
        return new Stamp(e, storeVersions.getOrDefault(store.value(), 0L));
    }

    private boolean current(StoreId store, Stamp stamp) {
        return stamp.epoch() == epoch && stamp.storeVersion() == storeVersions.getOrDefault(store.value(), 0L);
    }

    /** The stored response of this request, when there is one that is current and young enough. */
    public Hit get(StoreId store, String variant, String request) {
        if (!active()) {
            return null;
        }
        Key key = new Key(store.value(), variant, request);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            misses.incrementAndGet();
            return null;
        }
        long age = System.nanoTime() - entry.createdAt();
        if (!current(store, entry.stamp()) || age > 2 * maxAgeNanos) {
            remove(key, entry);
            misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        return new Hit(entry.contentType(), entry.body(), entry.etag(), age > maxAgeNanos);
    }

    /**
     * Stores a response computed under {@code stamp}; refused when the store or the cache moved on
     * meanwhile (the response may predate a commit), or when the cache is not active.
     */
    public boolean put(StoreId store, String variant, String request, Stamp stamp, String contentType, byte[] body) {
        return store(store, variant, request, stamp, contentType, body) != null;
    }

    /** {@link #put}, answering the stored entry as a fresh {@link Hit} (its ETag computed once, here), or null when refused. */
    public Hit store(StoreId store, String variant, String request, Stamp stamp, String contentType, byte[] body) {
        long weight = body.length + 2L * request.length() + 64;
        if (!active() || !current(store, stamp) || weight > maxBytes / 4) {
            return null;
        }
        Key key = new Key(store.value(), variant, request);
        Entry entry = new Entry(stamp, System.nanoTime(), contentType, body, etag(body), weight);
        synchronized (entries) {
            Entry previous = entries.put(key, entry);
            if (previous != null) {
                bytes -= previous.weight();
            }
            bytes += weight;
            Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
                bytes -= eldest.next().getValue().weight();
                eldest.remove();
            }
        }
        // A change may have been recorded between the check above and the insert: such an entry
        // carries the old stamp and get() refuses it.
        return new Hit(contentType, body, entry.etag(), false);
    }

    private void remove(Key key, Entry entry) {
        synchronized (entries) {
            if (entries.remove(key, entry)) {
                bytes -= entry.weight();
            }
        }
    }

    /** Something the store shows may have changed: its stored responses stop being served. */
    public void invalidate(StoreId store) {
        storeVersions.put(store.value(), clock.incrementAndGet());
    }

    /** Anything may have changed: nothing stored so far is served again. */
    public void invalidateAll() {
        epoch = clock.incrementAndGet();
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }

    /** Called by the change listener: the cache works only while changes of every instance reach it. */
    void listening(boolean connected) {
        invalidateAll();
        listening = connected;
        invalidateAll();
    }

    public boolean listening() {
        return listening;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String etag(byte[] body) {
        try {
            return "\"" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
