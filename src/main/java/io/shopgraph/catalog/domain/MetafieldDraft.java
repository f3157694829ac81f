package io.shopgraph.catalog.domain;

/** A metafield to set on a product; {@code namespace} defaults to "custom", {@code storefrontVisible} to false. */
public record MetafieldDraft(String namespace, String key, String value, Boolean storefrontVisible) {
}
