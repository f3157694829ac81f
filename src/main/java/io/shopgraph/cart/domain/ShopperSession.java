package io.shopgraph.cart.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/**
 * A shopper's visit, pseudonymous until a customer signs in on one of its carts. It keeps where the
 * shopper came from (landing path, referrer host, UTM), never an IP address or a user agent string.
 */
@Entity
@Table(schema = "cart", name = "shopper_session")
public class ShopperSession extends TenantOwnedEntity {

    @Id
    public UUID id;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "landing_path")
    public String landingPath;
    @Column(name = "referrer_host")
    public String referrerHost;
    @Column(name = "utm_source")
    public String utmSource;
    @Column(name = "utm_medium")
    public String utmMedium;
    @Column(name = "utm_campaign")
    public String utmCampaign;
    @Column(name = "utm_term")
    public String utmTerm;
    @Column(name = "utm_content")
    public String utmContent;
    public String locale;
    @Column(name = "country_code", columnDefinition = "bpchar")
    public String countryCode;
    @Column(name = "device_type")
    public String deviceType;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
