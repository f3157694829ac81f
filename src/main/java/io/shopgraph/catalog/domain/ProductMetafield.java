package io.shopgraph.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** A merchant's key/value pair on a product; private to merchants unless storefront-visible. */
@Entity
@Table(schema = "catalog", name = "product_metafield")
public class ProductMetafield extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    public String namespace;
    @Column(name = "key")
    public String key;
    @Column(name = "value")
    public String value;
    @Column(name = "storefront_visible")
    public boolean storefrontVisible;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
