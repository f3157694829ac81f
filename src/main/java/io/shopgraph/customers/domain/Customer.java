package io.shopgraph.customers.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** A customer account of one store. The email is stored lowercased; the password only as a PBKDF2 hash. */
@Entity
@Table(schema = "customers", name = "customer")
public class Customer extends TenantOwnedEntity {

    @Id
    public UUID id;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "accepts_marketing")
    public boolean acceptsMarketing;

    @Column(name = "created_at")
    public Instant createdAt;
}
