package io.shopgraph.catalog.application;

import java.time.Instant;
import java.util.List;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;

/** The product fields productUpdate changes; null means "leave as is". */
public record ProductChanges(String title, String handle, String description, ProductStatus status, Instant publishedAt,
        ProductKind kind, String vendor, List<String> tags, String seoTitle, String seoDescription) {
}
