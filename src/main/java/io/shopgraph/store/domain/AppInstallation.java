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

/** A partner app installed in a store: its OIDC client id and the scopes the owner granted it. */
@Entity
@Table(schema = "store", name = "app_installation")
public class AppInstallation extends TenantOwnedEntity {

    @Id
    public UUID id;

    @Column(name = "client_id")
    public String clientId;

    /** Scope names ({@link io.shopgraph.platform.security.Scope}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scopes", columnDefinition = "text[]")
    public String[] scopes;

    @Column(name = "installed_at")
    public Instant installedAt;

    @Column(name = "uninstalled_at")
    public Instant uninstalledAt;

    public boolean isInstalled() {
        return uninstalledAt == null;
    }
}
