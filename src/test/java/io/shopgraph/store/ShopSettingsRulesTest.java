package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopgraph.store.domain.ShopSettingsRules;

class ShopSettingsRulesTest {

    @Test
    void locales() {
        assertThat(ShopSettingsRules.validLocale("en")).isTrue();
        assertThat(ShopSettingsRules.validLocale("fr-CA")).isTrue();
        assertThat(ShopSettingsRules.validLocale("fr-ca")).isFalse();
        assertThat(ShopSettingsRules.validLocale("eng")).isFalse();
        assertThat(ShopSettingsRules.validLocale("")).isFalse();
        assertThat(ShopSettingsRules.validLocale(null)).isFalse();
        assertThat(ShopSettingsRules.offeredLocales("fr", List.of("de", "fr", "en", "de"))).containsExactly("fr", "de", "en");
    }

    @Test
    void emailsAndTexts() {
        assertThat(ShopSettingsRules.validEmail("hello@shop.example")).isTrue();
        assertThat(ShopSettingsRules.validEmail("a.b+c@sub.shop.example")).isTrue();
        for (String bad : new String[] { "hello", "hello@", "@shop.example", "a@b", "a b@shop.example", "a@@shop.example",
                "a@shop..example", "x".repeat(250) + "@a.example" }) {
            assertThat(ShopSettingsRules.validEmail(bad)).as(bad).isFalse();
        }
        assertThat(ShopSettingsRules.validName(" Shop ")).isTrue();
        assertThat(ShopSettingsRules.validName(" ")).isFalse();
        assertThat(ShopSettingsRules.validPolicy("x".repeat(65_535))).isTrue();
        assertThat(ShopSettingsRules.validPolicy("x".repeat(65_536))).isFalse();
    }
}
