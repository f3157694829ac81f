package io.shopgraph.platform.cache;

import java.util.Set;

/**
 * A module's declaration of what the storefront response cache may serve for it, so that {@code platform}
 * names no module, root field or table. Implemented by one bean per module that has storefront data.
 * <p>
 * The cache serves a public storefront query only when every root field of the document is declared here
 * ({@code node}/{@code nodes} only for declared node types) and invalidates a store's answers when a
 * transaction commits a write to one of the declared database schemas (on this instance) or when one of
 * their tables announces a change (the {@code notify_storefront_change} trigger, from any instance): every
 * table of a declared schema must carry that trigger (StorefrontCacheTest checks it).
 */
public interface StorefrontCacheable {

    /** Root query fields whose storefront answer depends only on the store's data in {@link #schemas()}. */
    Set<String> rootFields();

    /** Node types ({@code gid://shopgraph/<Type>/...}) that {@code node}/{@code nodes} may serve from the cache. */
    Set<String> nodeTypes();

    /** The database schemas the answers are read from; a committed write to any of their tables invalidates. */
    Set<String> schemas();
}
