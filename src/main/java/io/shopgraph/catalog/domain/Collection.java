package io.shopgraph.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

@Entity
@Table(schema = "catalog", name = "collection")
public class Collection extends TenantOwnedEntity {

    @Id
    public UUID id;
    public String handle;
    public String title;
    public String description;
    @Column(name = "image_url")
    public String imageUrl;
    @Column(name = "image_alt")
    public String imageAlt;
    @Column(name = "created_at")
    public Instant createdAt;
}
