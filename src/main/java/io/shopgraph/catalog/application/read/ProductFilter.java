package io.shopgraph.catalog.application.read;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.SelectedOption;

/**
 * A product filter; every part is optional and parts combine with AND; the values inside one part
 * combine with OR (two vendors: either). {@code unknownCollection} marks a collection id that cannot
 * exist (malformed or of another type): nothing matches. {@code variantOptions} are grouped by option
 * name: a product matches a group when one of its variants has one of the group's values.
 * {@code searchLocale} (set by the reads, not by callers) makes the text query also match the
 * translations in that locale.
 */
public record ProductFilter(String query, UUID collectionId, boolean unknownCollection, List<ProductKind> kinds,
        List<String> tags, List<String> vendors, BigDecimal minPrice, BigDecimal maxPrice, Boolean available,
        List<SelectedOption> variantOptions, String searchLocale) {

    public static final ProductFilter NONE = new ProductFilter(null, null, false, List.of(), List.of(), List.of(), null, null, null,
            List.of(), null);

    public ProductFilter {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        tags = tags == null ? List.of() : tags.stream().map(t -> t.strip().toLowerCase()).toList();
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        variantOptions = variantOptions == null ? List.of() : List.copyOf(variantOptions);
    }

    public ProductFilter(String query, UUID collectionId, boolean unknownCollection, List<ProductKind> kinds,
            List<String> tags, List<String> vendors, BigDecimal minPrice, BigDecimal maxPrice, Boolean available) {
        this(query, collectionId, unknownCollection, kinds, tags, vendors, minPrice, maxPrice, available, List.of(), null);
    }

    /** Whether the filter has a text query (RELEVANCE needs one). */
    public boolean hasQuery() {
        return query != null && !query.isBlank();
    }

    /** The same filter with another text query. */
    public ProductFilter withQuery(String text) {
        return new ProductFilter(text, collectionId, unknownCollection, kinds, tags, vendors, minPrice, maxPrice, available,
                variantOptions, searchLocale);
    }

    /** The same filter, its text query also matching translations in {@code locale} (null: base texts only). */
    public ProductFilter withSearchLocale(String locale) {
        return new ProductFilter(query, collectionId, unknownCollection, kinds, tags, vendors, minPrice, maxPrice, available,
                variantOptions, locale);
    }

    boolean hasPrice() {
        return minPrice != null || maxPrice != null;
    }
}
