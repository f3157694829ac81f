package io.shopgraph.catalog.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopgraph.platform.persistence.JoinedRead;

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
     * {@link #purchasableVariants} as a read that rides on the caller's statement ({@link JoinedRead}): each of the
     * caller's rows carries one variant found (at most one row per variant; none found: one row of nulls).
     */
    JoinedRead<PurchasableVariant> purchasableVariantsJoin(Collection<UUID> variantIds);

    /**
     * Taxable flag, weight and collection membership of the variants among {@code variantIds} that exist in the current
     * store, by id (deleted variants are absent). One statement whatever the number of variants.
     */
    Map<UUID, VariantPricingFacts> pricingFacts(Collection<UUID> variantIds);

    /** The variants among {@code variantIds} as the storefront shows them (visible products only), by id. One statement. */
    Map<UUID, ProductVariantView> storefrontVariants(Collection<UUID> variantIds);

    /**
     * The storefront view of the variant whose id is the caller's column {@code variantIdColumn}, as a read on the
     * caller's statement ({@link JoinedRead}; null where the variant is gone or not visible). A caller that hands what it
     * found to {@link #rememberStorefrontVariants} spares this request's {@link #storefrontVariants} the same read.
     */
    JoinedRead<ProductVariantView> storefrontVariantJoin(String variantIdColumn);

    /** What a {@link #storefrontVariantJoin} found for the ids it was asked: {@link #storefrontVariants} answers from it. */
    void rememberStorefrontVariants(Collection<UUID> asked, Map<UUID, ProductVariantView> found);
}
