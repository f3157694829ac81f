package io.shopgraph.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.platform.tenancy.TenantOwnedEntity;

@Entity
@Table(schema = "catalog", name = "product")
public class Product extends TenantOwnedEntity {

    @Id
    public UUID id;
    public String title;
    public String handle;
    public String description;
    @Column(name = "description_html")
    public String descriptionHtml;
    @Enumerated(EnumType.STRING)
    public ProductStatus status;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Enumerated(EnumType.STRING)
    public ProductKind kind;
    public String vendor;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    @Column(name = "seo_title")
    public String seoTitle;
    @Column(name = "seo_description")
    public String seoDescription;
    /** Lowest and highest variant price, kept in step by the use cases so listings sort and filter by price. */
    @Column(name = "min_price_minor")
    public long minPriceMinor;
    @Column(name = "max_price_minor")
    public long maxPriceMinor;
    @Column(name = "currency_code", columnDefinition = "bpchar")
    public String currencyCode;
    /** Kept by inventory through CatalogApi so that storefronts can filter on availability. */
    @Column(insertable = false, updatable = false)
    public boolean available = true;
    @Column(name = "units_sold")
    public long unitsSold;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
