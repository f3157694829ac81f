package io.shopgraph.catalog.api.events;

import java.util.List;

/**
 * Many products were created at once by productsImport, inside the importing transaction (observers
 * run in it, so a failure there rolls the whole import back). Each entry carries what
 * {@link VariantsCreated} carries for one product; observers should handle them in bulk.
 */
public record ProductsImported(List<VariantsCreated> products) {
}
