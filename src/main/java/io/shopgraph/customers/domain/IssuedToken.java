package io.shopgraph.customers.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/**
 * The columns a customer access token and a password reset share: a secret issued to one customer, of which
 * only the hash is stored ({@code platform.security.OpaqueTokens}), with an expiry. Each table adds how the
 * secret ends (revoked, used).
 */
@MappedSuperclass
public abstract class IssuedToken extends TenantOwnedEntity {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
