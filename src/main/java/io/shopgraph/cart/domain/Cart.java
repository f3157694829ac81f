package io.shopgraph.cart.domain;

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

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** A shopper's cart. Its id is random (version 4): whoever holds it may use the cart, so it must not be guessable. */
@Entity
@Table(schema = "cart", name = "cart")
public class Cart extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public CartStatus status;
    @Column(name = "currency_code", columnDefinition = "bpchar")
    public String currencyCode;
    @Column(name = "customer_id")
    public UUID customerId;
    public String email;
    public String phone;
    @Column(name = "country_code", columnDefinition = "bpchar")
    public String countryCode;
    public String note;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attribute_keys")
    public String[] attributeKeys;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attribute_values")
    public String[] attributeValues;
    /** The codes the shopper entered, upper case, in entry order; what they are worth is checkout's to say. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "discount_codes")
    public String[] discountCodes = new String[0];
    @Column(name = "ship_name")
    public String shipName;
    @Column(name = "ship_address1")
    public String shipAddress1;
    @Column(name = "ship_city")
    public String shipCity;
    @Column(name = "ship_zip")
    public String shipZip;
    @Column(name = "ship_region")
    public String shipRegion;
    @Column(name = "ship_country", columnDefinition = "bpchar")
    public String shipCountry;
    /** The chosen delivery option's handle (checkout's rate id); checkout decides whether it still applies. */
    @Column(name = "selected_delivery")
    public String selectedDelivery;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Whether a shopper may still use the cart at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return status == CartStatus.OPEN && expiresAt.isAfter(now);
    }
}
