package io.shopgraph.catalog.api;

import java.util.List;
import java.util.UUID;

import io.shopgraph.platform.kernel.Money;

/**
 * What a cart needs of a variant: its current price, whether a shopper may buy it now (its product is
 * active and published), whether it ships, the line attributes it asks for, and the deposit it requires (null when
 * it is paid in full at checkout).
 */
public record PurchasableVariant(UUID variantId, UUID productId, String productTitle, String variantTitle, Money price,
        boolean requiresShipping, ProductKind kind, boolean purchasable, List<LineAttributeDeclaration> lineAttributes,
        VariantDeposit deposit) {

    public PurchasableVariant {
        lineAttributes = List.copyOf(lineAttributes);
    }
}
