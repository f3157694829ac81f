package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Merchants change the store's settings with shopUpdate; storefronts read them on shop. */
@QuarkusTest
class ShopSettingsTest {

    static final String UPDATE = "mutation($i: ShopUpdateInput!) { shopUpdate(input: $i) { shop { name contactEmail defaultLocale "
            + "locales policies { refund privacy shipping termsOfService } } userErrors { field code message } } }";
    static final String SHOP = "{ shop { name contactEmail defaultLocale locales policies { refund termsOfService } } }";

    @Test
    void settingsAreChangedPartByPartAndShownToStorefronts() {
        TestStore store = TestStores.create("settings");
        assertThat(store.storefront().execute(SHOP).getList("data.shop.locales")).containsExactly("en");

        JsonPath first = store.owner().execute(UPDATE, Map.of("i", Map.of("name", "  Atelier Nord  ", "contactEmail", "hello@atelier.example",
                "enabledLocales", List.of("fr", "de", "fr", "en"), "policies", Map.of("refund", "30 days.", "termsOfService", "Be nice."))));
        assertThat(first.getList("data.shopUpdate.userErrors")).isEmpty();
        assertThat(first.getString("data.shopUpdate.shop.name")).isEqualTo("Atelier Nord");
        assertThat(first.getList("data.shopUpdate.shop.locales")).containsExactly("en", "fr", "de");

        JsonPath second = store.owner().execute(UPDATE, Map.of("i", Map.of("defaultLocale", "fr", "policies", Map.of("privacy", "None kept."))));
        assertThat(second.getList("data.shopUpdate.shop.locales")).as("the default first, the others kept").containsExactly("fr", "de");
        assertThat(second.getString("data.shopUpdate.shop.policies.refund")).as("omitted policies stay").isEqualTo("30 days.");
        assertThat(second.getString("data.shopUpdate.shop.policies.privacy")).isEqualTo("None kept.");

        JsonPath read = store.storefront().uncached().execute(SHOP);
        assertThat(read.getString("data.shop.name")).isEqualTo("Atelier Nord");
        assertThat(read.getString("data.shop.contactEmail")).isEqualTo("hello@atelier.example");
        assertThat(read.getString("data.shop.defaultLocale")).isEqualTo("fr");
        assertThat(read.getString("data.shop.policies.termsOfService")).isEqualTo("Be nice.");
        // The storefront cache must not keep the old answer either.
        assertThat(store.storefront().execute(SHOP).getString("data.shop.name")).isEqualTo("Atelier Nord");

        JsonPath cleared = store.owner().execute(UPDATE, Map.of("i", Map.of("contactEmail", "", "enabledLocales", List.of())));
        assertThat(cleared.getString("data.shopUpdate.shop.contactEmail")).isNull();
        assertThat(cleared.getList("data.shopUpdate.shop.locales")).containsExactly("fr");
    }

    @Test
    void invalidSettingsAreUserErrorsAndChangeNothing() {
        TestStore store = TestStores.create("settings-bad");
        String before = store.owner().execute(SHOP).prettify();

        assertError(store, Map.of("name", "   "), "INVALID_NAME", "input", "name");
        assertError(store, Map.of("name", "x".repeat(256), "contactEmail", "a@b.example"), "INVALID_NAME", "input", "name");
        assertError(store, Map.of("contactEmail", "not an email"), "INVALID_EMAIL", "input", "contactEmail");
        assertError(store, Map.of("defaultLocale", "english"), "INVALID_LOCALE", "input", "defaultLocale");
        assertError(store, Map.of("enabledLocales", List.of("fr", "FR-fr")), "INVALID_LOCALE", "input", "enabledLocales", "1");
        assertError(store, Map.of("enabledLocales", java.util.Collections.nCopies(21, "fr")), "INVALID_LOCALE", "input", "enabledLocales");
        assertError(store, Map.of("name", "Fine", "policies", Map.of("shipping", "s".repeat(65_536))), "INVALID_POLICY",
                "input", "policies", "shipping");

        assertThat(store.owner().execute(SHOP).prettify()).isEqualTo(before);
    }

    @Test
    void onlyMerchantsWithWriteSettingsMayChangeSettings() {
        TestStore store = TestStores.create("settings-scope");
        String clientId = "settings-app-" + java.util.UUID.randomUUID();
        store.owner().execute("mutation($i: AppInstallInput!) { appInstall(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("clientId", clientId, "scopes", List.of(Scope.READ_SETTINGS.name()))));
        JsonPath app = io.shopgraph.testing.GraphQL.merchant(LocalOidcIssuer.token(Map.of("sub", "svc", "azp", clientId)))
                .execute(UPDATE, Map.of("i", Map.of("name", "Hijacked")));
        assertThat(app.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(store.storefront().execute(UPDATE, Map.of("i", Map.of("name", "Hijacked"))).getString("errors[0].extensions.code"))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(store.owner().execute(SHOP).getString("data.shop.name")).isEqualTo("Store " + store.handle());
    }

    private static void assertError(TestStore store, Map<String, Object> input, String code, String... field) {
        JsonPath body = store.owner().execute(UPDATE, Map.of("i", input));
        assertThat(body.getString("data.shopUpdate.userErrors[0].code")).as(input.keySet().toString()).isEqualTo(code);
        assertThat(body.getList("data.shopUpdate.userErrors[0].field")).containsExactly((Object[]) field);
        assertThat(body.getString("data.shopUpdate.shop")).isNull();
    }
}
