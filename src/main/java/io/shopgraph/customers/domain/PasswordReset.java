package io.shopgraph.customers.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A single-use, expiring password reset; only the token's hash is stored. */
@Entity
@Table(schema = "customers", name = "password_reset")
public class PasswordReset extends IssuedToken {

    @Column(name = "used_at")
    public Instant usedAt;
}
