package io.shopgraph.platform.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;


/**
 * Base of every entity owned by a store. Hibernate fills {@code store_id} on insert and adds
 * {@code store_id = :current} to every query; PostgreSQL row-level security checks it again.
 * The id is a String mapped to a {@code uuid} column because Quarkus' tenant resolver is
 * String-typed (see research/tenancy-spike.md, option A).
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

    @TenantId
    @Column(name = "store_id", nullable = false, updatable = false, columnDefinition = "uuid")
    public String storeId;
}
