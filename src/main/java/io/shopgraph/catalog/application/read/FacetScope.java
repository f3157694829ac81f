package io.shopgraph.catalog.application.read;

import java.util.UUID;

/**
 * What a product connection's totalCount and facets count: the filter (with its text query) and
 * audience it was read with, the collection it lists (null: the whole store) and the search locale.
 */
public record FacetScope(ProductFilter filter, boolean storefront, UUID collectionId, String locale) {
}
