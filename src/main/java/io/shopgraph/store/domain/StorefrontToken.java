package io.shopgraph.store.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/**
 * A public storefront access token. Only its SHA-256 hash is stored (tokens are long random
 * strings, so a fast hash is enough); the plain token is shown once, when it is created.
 */
@Entity
@Table(schema = "store", name = "storefront_token")
public class StorefrontToken extends TenantOwnedEntity {

    @Id
    public UUID id;

    public String title;

    @Column(name = "token_hash")
    public String tokenHash;

    /** The last characters of the token, so merchants can tell their tokens apart. */
    @Column(name = "token_hint")
    public String tokenHint;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Normalised origins ({@link AllowedOrigins}); empty: usable from any origin. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_origins", columnDefinition = "text[]")
    public String[] allowedOrigins = new String[0];

    public AllowedOrigins origins() {
        return new AllowedOrigins(allowedOrigins == null ? java.util.List.of() : java.util.List.of(allowedOrigins));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
