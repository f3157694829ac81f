package io.shopgraph.catalog.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

@Entity
@Table(schema = "catalog", name = "product_media")
public class ProductMedia extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "variant_id")
    public UUID variantId;
    public String url;
    public String alt;
    public Integer width;
    public Integer height;
    public int position;
}
