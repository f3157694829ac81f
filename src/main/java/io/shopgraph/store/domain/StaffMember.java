package io.shopgraph.store.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** A person who works on a store, known by their OIDC issuer and subject. */
@Entity
@Table(schema = "store", name = "staff_member")
public class StaffMember extends TenantOwnedEntity {

    @Id
    public UUID id;

    public String issuer;

    public String subject;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "created_at")
    public Instant createdAt;
}
