package io.shopgraph.catalog.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What downstream modules may ask of or tell the catalog. Batch-friendly; runs in the caller's transaction. */
public interface CatalogApi {

    /** Records whether each product has a variant for sale, so storefront lists can filter on it. */
    void productAvailabilityChanged(Map<UUID, Boolean> availableByProduct);

    /** Every variant of each product, in position order (one statement); no visibility check: callers have the products. */
    Map<UUID, List<ProductVariantView>> variantsOfProducts(Collection<UUID> productIds);

    /**
     * The variants among {@code variantIds} that exist in the current store, whatever their product's status
     * ({@link PurchasableVariant#purchasable()} says whether a shopper may buy them now), by id. One statement.
     */
    Map<UUID, PurchasableVariant> purchasableVariants(Collection<UUID> variantIds);

    /**
     * Taxable flag, weight and collection membership of the variants among {@code variantIds} that exist in the current
     * store, by id (deleted variants are absent). One statement whatever the number of variants.
     */
    Map<UUID, VariantPricingFacts> pricingFacts(Collection<UUID> variantIds);

    /** The variants among {@code variantIds} as the storefront shows them (visible products only), by id. One statement. */
    Map<UUID, ProductVariantView> storefrontVariants(Collection<UUID> variantIds);
}
