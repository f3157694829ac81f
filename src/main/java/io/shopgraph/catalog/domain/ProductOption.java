package io.shopgraph.catalog.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

@Entity
@Table(schema = "catalog", name = "product_option")
public class ProductOption extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    public String name;
    public int position;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "option_values")
    public String[] values;
}
