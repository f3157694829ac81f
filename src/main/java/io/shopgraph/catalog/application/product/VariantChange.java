package io.shopgraph.catalog.application.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Changes to one existing variant (productVariantsBulkUpdate); null means "leave as is". A blank
 * {@code sku} removes the SKU; {@code clearCompareAtPrice} removes the compare-at price; {@code deposit} sets the
 * deposit and {@code clearDeposit} removes it (and wins).
 */
public record VariantChange(UUID id, String sku, List<String> optionValues, BigDecimal price, BigDecimal compareAtPrice,
        boolean clearCompareAtPrice, Integer weightGrams, Boolean requiresShipping, Boolean taxable,
        io.shopgraph.catalog.domain.ProductDraft.DepositDraft deposit, boolean clearDeposit) {

    /** A change that leaves the deposit as it is. */
    public VariantChange(UUID id, String sku, List<String> optionValues, BigDecimal price, BigDecimal compareAtPrice,
            boolean clearCompareAtPrice, Integer weightGrams, Boolean requiresShipping, Boolean taxable) {
        this(id, sku, optionValues, price, compareAtPrice, clearCompareAtPrice, weightGrams, requiresShipping, taxable, null, false);
    }
}
