package io.shopgraph.store.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A store: the tenant. The only store-module table without {@code store_id}: it is the store. */
@Entity
@Table(schema = "store", name = "store")
public class Store {

    @Id
    public UUID id;

    public String name;

    public String handle;

    @Column(name = "currency_code", columnDefinition = "bpchar")
    public String currencyCode;

    @Column(name = "country_code", columnDefinition = "bpchar")
    public String countryCode;

    @Column(name = "prices_include_tax")
    public boolean pricesIncludeTax;

    public String timezone;

    @Enumerated(EnumType.STRING)
    public StorePlan plan;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The locale the store's base catalogue texts are written in (language, optionally -REGION). */
    @Column(name = "default_locale")
    public String defaultLocale = "en";
}
