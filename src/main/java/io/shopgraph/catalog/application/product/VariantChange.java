package io.shopgraph.catalog.application.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Changes to one existing variant (productVariantsBulkUpdate); null means "leave as is". A blank
 * {@code sku} removes the SKU; {@code clearCompareAtPrice} removes the compare-at price.
 */
public record VariantChange(UUID id, String sku, List<String> optionValues, BigDecimal price, BigDecimal compareAtPrice,
        boolean clearCompareAtPrice, Integer weightGrams, Boolean requiresShipping, Boolean taxable) {
}
