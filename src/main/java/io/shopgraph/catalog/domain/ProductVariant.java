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
@Table(schema = "catalog", name = "product_variant")
public class ProductVariant extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    public String sku;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "option_values")
    public String[] optionValues;
    @Column(name = "price_minor")
    public long priceMinor;
    @Column(name = "compare_at_minor")
    public Long compareAtMinor;
    @Column(name = "currency_code", columnDefinition = "bpchar")
    public String currencyCode;
    @Column(name = "weight_grams")
    public Integer weightGrams;
    @Column(name = "requires_shipping")
    public boolean requiresShipping;
    public boolean taxable;
    public int position;
    /** PERCENTAGE or FIXED, null when the variant is paid in full at checkout (see DepositRules). */
    @Column(name = "deposit_kind")
    public String depositKind;
    @Column(name = "deposit_value")
    public Long depositValue;
}
