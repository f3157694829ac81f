package io.shopgraph.store.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.security.Scope;

/** Every rule of {@link StoreRules} and each code it answers, without booting (the HTTP tests cover the wiring). */
class StoreRulesTest {

    static void refused(Executable rule, Enum<?> code, String... field) {
        assertThatThrownBy(rule::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).containsExactly(field);
        });
    }

    @Test
    void aNewStoreHasANameAHandleAndIsoCodes() {
        StoreRules.validateNewStore("Shop", "my-shop-1", "EUR", "FR", "Europe/Paris");
        refused(() -> StoreRules.validateNewStore(" ", "shop", "EUR", "FR", "UTC"), StoreErrorCode.INVALID_NAME, "name");
        refused(() -> StoreRules.validateNewStore("x".repeat(256), "shop", "EUR", "FR", "UTC"), StoreErrorCode.INVALID_NAME, "name");
        refused(() -> StoreRules.validateNewStore("Shop", "My Shop", "EUR", "FR", "UTC"), StoreErrorCode.INVALID_HANDLE, "handle");
        refused(() -> StoreRules.validateNewStore("Shop", "-shop", "EUR", "FR", "UTC"), StoreErrorCode.INVALID_HANDLE, "handle");
        refused(() -> StoreRules.validateNewStore("Shop", "a".repeat(64), "EUR", "FR", "UTC"), StoreErrorCode.INVALID_HANDLE, "handle");
        refused(() -> StoreRules.validateNewStore("Shop", "shop", "eur", "FR", "UTC"), StoreErrorCode.INVALID_CURRENCY, "currencyCode");
        refused(() -> StoreRules.validateNewStore("Shop", "shop", "XYZ", "FR", "UTC"), StoreErrorCode.INVALID_CURRENCY, "currencyCode");
        refused(() -> StoreRules.validateNewStore("Shop", "shop", "EUR", "XX", "UTC"), StoreErrorCode.INVALID_COUNTRY, "countryCode");
        refused(() -> StoreRules.validateNewStore("Shop", "shop", "EUR", "FR", "Mars/Olympus"), StoreErrorCode.INVALID_TIMEZONE,
                "timezone");
        refused(() -> StoreRules.validateNewStore("Shop", "shop", "EUR", "FR", null), StoreErrorCode.INVALID_TIMEZONE, "timezone");
    }

    @Test
    void ownersAndStaffArePrincipalsOf1To255Characters() {
        assertThat(StoreRules.owner(" https://idp ", " alice ")).containsExactly("https://idp", "alice");
        refused(() -> StoreRules.owner(" ", "alice"), StoreErrorCode.INVALID_OWNER, "input", "ownerIssuer");
        refused(() -> StoreRules.owner("https://idp", "x".repeat(256)), StoreErrorCode.INVALID_OWNER, "input", "ownerSubject");
        assertThat(StoreRules.staffPrincipal("https://idp ", " bob")).containsExactly("https://idp", "bob");
        refused(() -> StoreRules.staffPrincipal(null, "bob"), StaffMemberErrorCode.INVALID_PRINCIPAL, "input", "issuer");
        refused(() -> StoreRules.staffPrincipal("https://idp", ""), StaffMemberErrorCode.INVALID_PRINCIPAL, "input", "subject");
    }

    @Test
    void appsHaveAClientIdAndAtLeastOneGrantableScope() {
        assertThat(StoreRules.appClientId(" app-1 ")).isEqualTo("app-1");
        refused(() -> StoreRules.appClientId(""), AppInstallationErrorCode.INVALID_CLIENT_ID, "input", "clientId");
        refused(() -> StoreRules.appClientId("x".repeat(256)), AppInstallationErrorCode.INVALID_CLIENT_ID, "input", "clientId");
        List<String> field = List.of("scopes");
        assertThat(StoreRules.grantableScopes(List.of(Scope.READ_PRODUCTS, Scope.READ_PRODUCTS), field))
                .containsExactly(Scope.READ_PRODUCTS.name());
        refused(() -> StoreRules.grantableScopes(List.of(), field), AppInstallationErrorCode.NO_SCOPES, "scopes");
        refused(() -> StoreRules.grantableScopes(null, field), AppInstallationErrorCode.NO_SCOPES, "scopes");
        refused(() -> StoreRules.grantableScopes(Set.of(Scope.MANAGE_STAFF), field), AppInstallationErrorCode.SCOPE_NOT_GRANTABLE,
                "scopes");
    }

    @Test
    void storefrontTokensHaveATitleAndValidOrigins() {
        assertThat(StoreRules.storefrontTokenTitle(" Web shop ")).isEqualTo("Web shop");
        refused(() -> StoreRules.storefrontTokenTitle(" "), StorefrontAccessTokenErrorCode.INVALID_TITLE, "input", "title");
        refused(() -> StoreRules.storefrontTokenTitle("x".repeat(101)), StorefrontAccessTokenErrorCode.INVALID_TITLE, "input", "title");
        assertThat(StoreRules.storefrontTokenOrigins(null)).isNotNull();
        refused(() -> StoreRules.storefrontTokenOrigins(List.of("https://shop.example", "not an origin")),
                StorefrontAccessTokenErrorCode.INVALID_ORIGIN, "input", "allowedOrigins", "1");
    }
}
