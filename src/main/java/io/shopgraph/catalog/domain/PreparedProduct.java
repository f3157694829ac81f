package io.shopgraph.catalog.domain;

import java.util.List;

/**
 * A product draft that passed every check that needs no database, as the entities to insert.
 * {@code initialQuantities} follows {@code variants}. What only the database can tell (a handle or
 * SKU already used in the store) is checked by the caller before inserting them (ProductCommands.insert).
 * {@code at} is the path of the draft in its mutation's input (["input"] or ["products", "7"]).
 */
public record PreparedProduct(List<String> at, Product product, List<ProductOption> options, List<ProductVariant> variants,
        List<Integer> initialQuantities, List<ProductMedia> media) {
}
