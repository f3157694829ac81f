package io.shopgraph.catalog.application.product;

import java.time.Instant;
import java.util.List;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.domain.MetafieldDraft;

/**
 * The product fields productUpdate changes; null means "leave as is". {@code metafields}, when given,
 * replaces the product's whole set of metafields. {@code descriptionHtml}, when given, is sanitised and
 * replaces the HTML description (and the plain one with its text, unless {@code description} is given).
 */
public record ProductChanges(String title, String handle, String description, ProductStatus status, Instant publishedAt,
        ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription, List<MetafieldDraft> metafields,
        String descriptionHtml) {

    public ProductChanges(String title, String handle, String description, ProductStatus status, Instant publishedAt,
            ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription, List<MetafieldDraft> metafields) {
        this(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription, metafields, null);
    }

    public ProductChanges(String title, String handle, String description, ProductStatus status, Instant publishedAt,
            ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription) {
        this(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription, null);
    }
}
