package io.shopgraph.catalog.application.read;

import io.shopgraph.catalog.api.ProductVariantView;

/** A variant with the cursor of its place in its product's variants (position, id). */
public record CursoredVariant(String cursor, ProductVariantView variant) {
}
