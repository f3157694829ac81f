package io.shopgraph.catalog.application;

import java.time.Instant;
import java.util.List;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;

/**
 * The product fields productUpdate changes; null means "leave as is". {@code metafields}, when given,
 * replaces the product's whole set of metafields.
 */
public record ProductChanges(String title, String handle, String description, ProductStatus status, Instant publishedAt,
        ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription, List<MetafieldDraft> metafields) {

    public ProductChanges(String title, String handle, String description, ProductStatus status, Instant publishedAt,
            ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription) {
        this(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription, null);
    }
}
