package io.shopgraph.platform.cache;

import java.util.Optional;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Read-your-writes on the writing instance: when a transaction runs an INSERT, UPDATE or DELETE
 * through Hibernate (entity or native), the store's cached storefront responses are invalidated as
 * soon as the transaction commits, before the caller sees its result. Other instances learn of the
 * change through {@link CatalogChangeListener}. Called by the statement inspector for every statement.
 */
public final class LocalWrites {

    private static final Object KEY = new Object();
    /** Whether a statement text is a write to a schema cached answers are read from, per text (bounded). */
    private static final Cache<String, Boolean> VERDICTS = Caffeine.newBuilder().maximumSize(4096).build();
    private static volatile java.util.regex.Pattern storefrontSchemas;
    private static volatile StorefrontCache cache;
    private static volatile TransactionSynchronizationRegistry registry;

    private LocalWrites() {
    }

    public static void statement(String sql) {
        Boolean storefrontWrite = VERDICTS.getIfPresent(sql);
        if (storefrontWrite == null) {
            // Decided once per statement text: the regex over every write's text was 2% of a checkout's CPU samples.
            storefrontWrite = isWrite(sql) && touchesStorefrontData(sql);
            if (storefrontSchemas != null) { // not before the modules' declarations could be read
                VERDICTS.put(sql, storefrontWrite);
            }
        }
        if (!storefrontWrite) {
            return;
        }
        StorefrontCache c = cache();
        if (c == null || !c.enabled()) {
            return;
        }
        Optional<StoreId> store = currentStore();
        TransactionSynchronizationRegistry tsr = registry();
        try {
            if (tsr != null && tsr.getTransactionStatus() == Status.STATUS_ACTIVE) {
                if (tsr.getResource(KEY) == null) {
                    tsr.putResource(KEY, Boolean.TRUE);
                    tsr.registerInterposedSynchronization(new AfterCommit(c, store));
                }
                return;
            }
        } catch (IllegalStateException e) {
            // no synchronization possible any more: invalidate now, the notification follows the commit
        }
        invalidate(c, store);
    }

    /** Whether the statement is an INSERT, UPDATE, DELETE or MERGE, or a WITH statement that contains one. */
    public static boolean isWrite(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        return sql.regionMatches(true, i, "insert", 0, 6) || sql.regionMatches(true, i, "update", 0, 6)
                || sql.regionMatches(true, i, "delete", 0, 6) || sql.regionMatches(true, i, "merge", 0, 5)
                || (sql.regionMatches(true, i, "with", 0, 4) && containsWrite(sql));
    }

    /**
     * Whether the statement names a table of the schemas cached answers are read from (as modules
     * declare them, {@link StorefrontCacheable}): writes of other modules, such as login throttling or carts, must not empty a
     * store's catalog cache on every shopper action. The notification triggers cover the same tables.
     */
    static boolean touchesStorefrontData(String sql) {
        java.util.regex.Pattern schemas = storefrontSchemas();
        return schemas != null && schemas.matcher(sql).find();
    }

    /** "schema." of every schema a module declared ({@link StorefrontCacheable}), read once. */
    private static java.util.regex.Pattern storefrontSchemas() {
        java.util.regex.Pattern p = storefrontSchemas;
        if (p == null) {
            ArcContainer arc = Arc.container();
            if (arc == null) {
                return null;
            }
            java.util.List<String> names = new java.util.ArrayList<>();
            for (StorefrontCacheable module : arc.select(StorefrontCacheable.class)) {
                module.schemas().forEach(s -> names.add(java.util.regex.Pattern.quote(s)));
            }
            p = java.util.regex.Pattern.compile(names.isEmpty() ? "(?!)" : "\\b(" + String.join("|", names) + ")\\.",
                    java.util.regex.Pattern.CASE_INSENSITIVE);
            storefrontSchemas = p;
        }
        return p;
    }

    private static boolean containsWrite(String sql) {
        String lower = sql.toLowerCase();
        return lower.contains("insert ") || lower.contains("update ") || lower.contains("delete ");
    }

    private static void invalidate(StorefrontCache c, Optional<StoreId> store) {
        if (store.isPresent()) {
            c.invalidate(store.get());
        } else {
            c.invalidateAll();
        }
    }

    private static Optional<StoreId> currentStore() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return Optional.empty();
        }
        return arc.instance(TenantContext.class).get().store();
    }

    private static StorefrontCache cache() {
        StorefrontCache c = cache;
        if (c == null) {
            ArcContainer arc = Arc.container();
            if (arc == null) {
                return null;
            }
            c = arc.instance(StorefrontCache.class).get();
            cache = c;
        }
        return c;
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            ArcContainer arc = Arc.container();
            if (arc == null) {
                return null;
            }
            r = arc.instance(TransactionSynchronizationRegistry.class).get();
            registry = r;
        }
        return r;
    }

    private record AfterCommit(StorefrontCache cache, Optional<StoreId> store) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // nothing to do before the outcome is known
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                invalidate(cache, store);
            }
        }
    }
}
