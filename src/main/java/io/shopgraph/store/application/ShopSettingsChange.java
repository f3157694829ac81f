package io.shopgraph.store.application;

import java.util.List;

/** What shopUpdate changes; a null part stays as it is. */
public record ShopSettingsChange(String name, String contactEmail, String defaultLocale, List<String> enabledLocales,
        String refundPolicy, String privacyPolicy, String shippingPolicy, String termsOfService) {
}
