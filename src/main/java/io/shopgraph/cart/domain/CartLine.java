package io.shopgraph.cart.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** One line of a cart: a variant, a quantity, the unit price when it was added, and its line attributes. */
@Entity
@Table(schema = "cart", name = "cart_line")
public class CartLine extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Column(name = "cart_id")
    public UUID cartId;
    @Column(name = "variant_id")
    public UUID variantId;
    @Column(name = "product_id")
    public UUID productId;
    public int quantity;
    @Column(name = "unit_price_minor")
    public long unitPriceMinor;
    @Column(name = "currency_code", columnDefinition = "bpchar")
    public String currencyCode;
    @Column(name = "requires_shipping")
    public boolean requiresShipping;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attribute_keys")
    public String[] attributeKeys;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attribute_values")
    public String[] attributeValues;
    public int position;
    /** The chosen time slot of a service line (the bookings module's id); null for other lines. */
    @Column(name = "booking_slot_id")
    public UUID bookingSlotId;
    @Column(name = "created_at")
    public Instant createdAt;
}
