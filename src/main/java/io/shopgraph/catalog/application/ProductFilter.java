package io.shopgraph.catalog.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.shopgraph.catalog.api.ProductKind;

/**
 * A product filter; every part is optional and parts combine with AND. {@code unknownCollection}
 * marks a collection id that cannot exist (malformed or of another type): nothing matches.
 */
public record ProductFilter(String query, UUID collectionId, boolean unknownCollection, List<ProductKind> kinds,
        List<String> tags, List<String> vendors, BigDecimal minPrice, BigDecimal maxPrice, Boolean available) {

    public static final ProductFilter NONE = new ProductFilter(null, null, false, List.of(), List.of(), List.of(), null, null, null);

    public ProductFilter {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        tags = tags == null ? List.of() : tags.stream().map(t -> t.strip().toLowerCase()).toList();
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
    }

    /** Whether the filter has a text query (RELEVANCE needs one). */
    public boolean hasQuery() {
        return query != null && !query.isBlank();
    }

    /** The same filter with another text query. */
    public ProductFilter withQuery(String text) {
        return new ProductFilter(text, collectionId, unknownCollection, kinds, tags, vendors, minPrice, maxPrice, available);
    }

    boolean hasPrice() {
        return minPrice != null || maxPrice != null;
    }
}
