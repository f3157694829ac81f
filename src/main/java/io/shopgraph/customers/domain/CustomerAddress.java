package io.shopgraph.customers.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** A postal address of a customer; at most one per customer is the default. */
@Entity
@Table(schema = "customers", name = "customer_address")
public class CustomerAddress extends TenantOwnedEntity {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String company;

    public String address1;

    public String address2;

    public String city;

    public String province;

    public String zip;

    @Column(name = "country_code", columnDefinition = "bpchar")
    public String countryCode;

    public String phone;

    @Column(name = "is_default")
    public boolean isDefault;

    @Column(name = "created_at")
    public Instant createdAt;
}
