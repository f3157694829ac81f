package io.shopgraph.store.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.domain.ShopSettingsRules;
import io.shopgraph.store.domain.Store;
import io.shopgraph.store.domain.StoreErrorCode;
import io.shopgraph.store.domain.StoreRepository;

/** A merchant changing the current store's settings (shopUpdate). */
@ApplicationScoped
public class ShopSettingsCommands {

    private final StoreRepository stores;
    private final TenantContext tenant;

    ShopSettingsCommands(StoreRepository stores, TenantContext tenant) {
        this.stores = stores;
        this.tenant = tenant;
    }

    /**
     * Validates every part first, then applies them to the store row, locked so that two concurrent updates
     * of different parts both land. An empty contact email clears it.
     */
    @Transactional
    public ShopView update(ShopSettingsChange change) {
        String name = change.name() == null ? null : change.name().strip();
        if (name != null && !ShopSettingsRules.validName(name)) {
            throw error(StoreErrorCode.INVALID_NAME, "name", "The name must have 1 to 255 characters.");
        }
        String email = change.contactEmail() == null ? null : change.contactEmail().strip();
        if (email != null && !email.isEmpty() && !ShopSettingsRules.validEmail(email)) {
            throw error(StoreErrorCode.INVALID_EMAIL, "contactEmail", "The contact email is not an email address.");
        }
        if (change.defaultLocale() != null && !ShopSettingsRules.validLocale(change.defaultLocale())) {
            throw error(StoreErrorCode.INVALID_LOCALE, "defaultLocale", "A locale is a language code, optionally with a "
                    + "region: en, fr, fr-CA.");
        }
        if (change.enabledLocales() != null) {
            if (change.enabledLocales().size() > ShopSettingsRules.MAX_LOCALES) {
                throw error(StoreErrorCode.INVALID_LOCALE, "enabledLocales", "At most " + ShopSettingsRules.MAX_LOCALES
                        + " locales.");
            }
            for (int i = 0; i < change.enabledLocales().size(); i++) {
                if (!ShopSettingsRules.validLocale(change.enabledLocales().get(i))) {
                    throw new DomainException(StoreErrorCode.INVALID_LOCALE, List.of("input", "enabledLocales", String.valueOf(i)),
                            "A locale is a language code, optionally with a region: en, fr, fr-CA.");
                }
            }
        }
        checkPolicy(change.refundPolicy(), "refund");
        checkPolicy(change.privacyPolicy(), "privacy");
        checkPolicy(change.shippingPolicy(), "shipping");
        checkPolicy(change.termsOfService(), "termsOfService");

        Store store = stores.findById(tenant.requireStore().value(), LockModeType.PESSIMISTIC_WRITE);
        if (name != null) {
            store.name = name;
        }
        if (email != null) {
            store.contactEmail = email.isEmpty() ? null : email;
        }
        if (change.defaultLocale() != null) {
            store.defaultLocale = change.defaultLocale();
        }
        if (change.enabledLocales() != null) {
            List<String> others = new ArrayList<>(ShopSettingsRules.offeredLocales(store.defaultLocale, change.enabledLocales()));
            others.remove(store.defaultLocale);
            store.enabledLocales = others.toArray(String[]::new);
        }
        if (change.refundPolicy() != null) {
            store.refundPolicy = change.refundPolicy();
        }
        if (change.privacyPolicy() != null) {
            store.privacyPolicy = change.privacyPolicy();
        }
        if (change.shippingPolicy() != null) {
            store.shippingPolicy = change.shippingPolicy();
        }
        if (change.termsOfService() != null) {
            store.termsOfService = change.termsOfService();
        }
        return ShopView.of(store);
    }

    private static void checkPolicy(String text, String field) {
        if (text != null && !ShopSettingsRules.validPolicy(text)) {
            throw new DomainException(StoreErrorCode.INVALID_POLICY, List.of("input", "policies", field),
                    "A policy has at most " + ShopSettingsRules.MAX_POLICY + " characters.");
        }
    }

    private static DomainException error(StoreErrorCode code, String field, String message) {
        return new DomainException(code, List.of("input", field), message);
    }
}
