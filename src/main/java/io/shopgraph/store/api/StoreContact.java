package io.shopgraph.store.api;

import io.shopgraph.platform.kernel.StoreId;

/**
 * Who a store is to the people it writes to (order mails): its name, the address customers may write to (null
 * when not set) and its default locale (e.g. "en", "fr-CA").
 */
public record StoreContact(StoreId id, String name, String contactEmail, String defaultLocale) {
}
