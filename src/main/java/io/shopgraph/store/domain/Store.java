package io.shopgraph.store.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Where customers may write to; shown on storefronts. */
    @Column(name = "contact_email")
    public String contactEmail;

    /** Locales the storefront offers besides the default one (catalog translations cover them). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "enabled_locales", columnDefinition = "text[]")
    public String[] enabledLocales = new String[0];

    @Column(name = "refund_policy")
    public String refundPolicy = "";

    @Column(name = "privacy_policy")
    public String privacyPolicy = "";

    @Column(name = "shipping_policy")
    public String shippingPolicy = "";

    @Column(name = "terms_of_service")
    public String termsOfService = "";

    /** The default locale first, then the other enabled ones. */
    public java.util.List<String> locales() {
        return ShopSettingsRules.offeredLocales(defaultLocale,
                enabledLocales == null ? java.util.List.of() : java.util.List.of(enabledLocales));
    }
}
