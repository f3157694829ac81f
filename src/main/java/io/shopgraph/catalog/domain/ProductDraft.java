package io.shopgraph.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;

/**
 * A product to create, with its options, variants and media (the command of productCreate).
 * {@code descriptionHtml}, when given, is sanitised and becomes the HTML description; the plain
 * description is then its text unless {@code description} is given too.
 */
public record ProductDraft(String title, String handle, String description, ProductStatus status, Instant publishedAt,
        ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription,
        List<OptionDraft> options, List<VariantDraft> variants, List<MediaDraft> media, List<MetafieldDraft> metafields,
        String descriptionHtml) {

    /** A product without HTML description (it is derived from the plain one). */
    public ProductDraft(String title, String handle, String description, ProductStatus status, Instant publishedAt,
            ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription,
            List<OptionDraft> options, List<VariantDraft> variants, List<MediaDraft> media, List<MetafieldDraft> metafields) {
        this(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription, options, variants, media,
                metafields, null);
    }

    /** A product without metafields. */
    public ProductDraft(String title, String handle, String description, ProductStatus status, Instant publishedAt,
            ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription,
            List<OptionDraft> options, List<VariantDraft> variants, List<MediaDraft> media) {
        this(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription, options, variants, media, null);
    }

    public record OptionDraft(String name, List<String> values) {
    }

    /** {@code deposit}: the deposit the variant requires, null for none. */
    public record VariantDraft(String sku, List<String> optionValues, BigDecimal price, BigDecimal compareAtPrice,
            Integer weightGrams, Boolean requiresShipping, Boolean taxable, Integer initialQuantity, DepositDraft deposit) {

        /** A variant paid in full at checkout. */
        public VariantDraft(String sku, List<String> optionValues, BigDecimal price, BigDecimal compareAtPrice,
                Integer weightGrams, Boolean requiresShipping, Boolean taxable, Integer initialQuantity) {
            this(sku, optionValues, price, compareAtPrice, weightGrams, requiresShipping, taxable, initialQuantity, null);
        }
    }

    /** A deposit as the merchant gives it: basis points for PERCENTAGE, an amount in the store's currency for FIXED. */
    public record DepositDraft(io.shopgraph.catalog.api.DepositKind kind, Integer basisPoints, BigDecimal amount) {
    }

    /** {@code variantIndex}: the index in the draft's variants this image shows, if any. */
    public record MediaDraft(String url, String alt, Integer width, Integer height, Integer variantIndex) {
    }
}
