package io.shopgraph.customers.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A customer access token: only its SHA-256 hash is stored; it expires and can be revoked. */
@Entity
@Table(schema = "customers", name = "customer_token")
public class CustomerToken extends IssuedToken {

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isLive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
