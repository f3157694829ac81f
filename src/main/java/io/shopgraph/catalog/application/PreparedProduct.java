package io.shopgraph.catalog.application;

import java.util.List;

import io.shopgraph.catalog.domain.Product;
import io.shopgraph.catalog.domain.ProductMedia;
import io.shopgraph.catalog.domain.ProductOption;
import io.shopgraph.catalog.domain.ProductVariant;

/**
 * A product draft that passed every check that needs no database, as the entities to insert.
 * {@code initialQuantities} follows {@code variants}. What only the database can tell (a handle or
 * SKU already used in the store) is checked by the caller before {@link ProductCommands#insert}.
 * {@code at} is the path of the draft in its mutation's input (["input"] or ["products", "7"]).
 */
public record PreparedProduct(List<String> at, Product product, List<ProductOption> options, List<ProductVariant> variants,
        List<Integer> initialQuantities, List<ProductMedia> media) {
}
