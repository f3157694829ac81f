package io.shopgraph.catalog.application.read;

import io.shopgraph.catalog.api.ProductView;

/** A product with the cursor of its place in the list it was read from. */
public record CursoredProduct(String cursor, ProductView product) {
}
