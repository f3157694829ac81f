package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class StorefrontTokenResolutionTest {

    private static final String SHOP = "{ shop { id name handle currencyCode countryCode pricesIncludeTax } }";

    @Test
    void aValidTokenOpensItsOwnStore() {
        TestStore store = TestStores.create("valid");

        JsonPath body = store.storefront().execute(SHOP);

        assertThat(body.getList("errors")).isNull();
        assertThat(body.getString("data.shop.id")).isEqualTo(store.shopId());
        assertThat(body.getString("data.shop.handle")).isEqualTo(store.handle());
        assertThat(body.getString("data.shop.currencyCode")).isEqualTo("EUR");
        assertThat(body.getString("data.shop.countryCode")).isEqualTo("FR");
        assertThat(body.getBoolean("data.shop.pricesIncludeTax")).isTrue();
    }

    @Test
    void eachTokenOpensOnlyTheStoreItBelongsTo() {
        TestStore a = TestStores.create("tenant-a");
        TestStore b = TestStores.create("tenant-b");

        assertThat(a.storefront().execute(SHOP).getString("data.shop.id")).isEqualTo(a.shopId());
        assertThat(b.storefront().execute(SHOP).getString("data.shop.id")).isEqualTo(b.shopId());
    }

    @Test
    void aMissingTokenIsUnauthenticated() {
        JsonPath body = GraphQL.anonymous().execute(SHOP);

        assertUnauthenticated(body);
    }

    @Test
    void anUnknownTokenIsUnauthenticated() {
        JsonPath body = GraphQL.storefront("not-a-token-of-any-store").execute(SHOP);

        assertUnauthenticated(body);
    }

    @Test
    void aRevokedTokenIsUnauthenticatedFromTheMomentItIsRevoked() {
        TestStore store = TestStores.create("revoked");
        JsonPath created = store.owner().execute(
                "mutation { storefrontAccessTokenCreate(input: {title: \"Landing page\"}) { accessToken storefrontAccessToken { id } userErrors { code } } }");
        String token = created.getString("data.storefrontAccessTokenCreate.accessToken");
        String tokenId = created.getString("data.storefrontAccessTokenCreate.storefrontAccessToken.id");
        assertThat(GraphQL.storefront(token).execute(SHOP).getString("data.shop.id")).isEqualTo(store.shopId());

        JsonPath revoked = store.owner().execute(
                "mutation($id: ID!) { storefrontAccessTokenRevoke(id: $id) { storefrontAccessToken { revokedAt } userErrors { code } } }",
                java.util.Map.of("id", tokenId));
        assertThat(revoked.getList("data.storefrontAccessTokenRevoke.userErrors")).isEmpty();

        assertUnauthenticated(GraphQL.storefront(token).execute(SHOP));
        assertThat(store.storefront().execute(SHOP).getString("data.shop.id"))
                .as("the store's other tokens keep working").isEqualTo(store.shopId());
    }

    private static void assertUnauthenticated(JsonPath body) {
        assertThat(body.getString("data")).isNull();
        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(body.getString("errors[0].message")).doesNotContainIgnoringCase("exception");
    }
}
