package io.shopgraph.customers.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** A customer access token: only its SHA-256 hash is stored; it expires and can be revoked. */
@Entity
@Table(schema = "customers", name = "customer_token")
public class CustomerToken extends TenantOwnedEntity {

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

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isLive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
