package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class StaffAndAppsTest {

    static final String ADD = "mutation($i: StaffMemberAddInput!) { staffMemberAdd(input: $i) { "
            + "staffMember { id issuer subject role } userErrors { field code message } } }";
    static final String UPDATE = "mutation($id: ID!, $role: StaffRole!) { staffMemberUpdateRole(id: $id, role: $role) { "
            + "staffMember { id role } userErrors { field code } } }";
    static final String REMOVE = "mutation($id: ID!) { staffMemberRemove(id: $id) { removedStaffMemberId userErrors { field code } } }";
    static final String INSTALL = "mutation($i: AppInstallInput!) { appInstall(input: $i) { "
            + "appInstallation { id clientId scopes uninstalledAt } userErrors { field code message } } }";
    static final String UPDATE_SCOPES = "mutation($id: ID!, $s: [AccessScope!]!) { appUpdateScopes(id: $id, scopes: $s) { "
            + "appInstallation { id scopes } userErrors { field code } } }";
    static final String UNINSTALL = "mutation($id: ID!) { appUninstall(id: $id) { appInstallation { id uninstalledAt } userErrors { code } } }";
    static final String TOKENS = "{ storefrontAccessTokens { nodes { title } } }";
    static final String STAFF = "{ staffMembers { id subject role } }";

    static String addMember(TestStore store, String subject, String role) {
        JsonPath body = store.owner().execute(ADD, Map.of("i", Map.of("issuer", LocalOidcIssuer.issuer(), "subject", subject, "role", role)));
        assertThat(body.getList("data.staffMemberAdd.userErrors")).isEmpty();
        return body.getString("data.staffMemberAdd.staffMember.id");
    }

    static String install(TestStore store, String clientId, List<String> scopes) {
        JsonPath body = store.owner().execute(INSTALL, Map.of("i", Map.of("clientId", clientId, "scopes", scopes)));
        assertThat(body.getList("data.appInstall.userErrors")).isEmpty();
        return body.getString("data.appInstall.appInstallation.id");
    }

    static GraphQL app(String clientId) {
        return GraphQL.merchant(LocalOidcIssuer.token(Map.of("sub", "service-account-" + clientId, "azp", clientId)));
    }

    static GraphQL person(String subject) {
        return GraphQL.merchant(LocalOidcIssuer.token(subject));
    }

    static String code(JsonPath body) {
        return body.getString("errors[0].extensions.code");
    }

    @Test
    void aStaffMemberGetsTheirRolesScopesAndLosesThemWhenChangedOrRemoved() {
        TestStore store = TestStores.create("staff-roles");
        String subject = "catalog-" + UUID.randomUUID();
        String id = addMember(store, subject, "CATALOG");

        assertThat(code(person(subject).execute(TOKENS))).as("catalog has no read_settings").isEqualTo("FORBIDDEN");
        assertThat(store.owner().execute(UPDATE, Map.of("id", id, "role", "ADMIN"))
                .getString("data.staffMemberUpdateRole.staffMember.role")).isEqualTo("ADMIN");
        assertThat(person(subject).execute(TOKENS).getList("errors")).isNull();
        assertThat(code(person(subject).execute(STAFF))).as("admin has no manage_staff").isEqualTo("FORBIDDEN");

        assertThat(store.owner().execute(REMOVE, Map.of("id", id)).getString("data.staffMemberRemove.removedStaffMemberId")).isEqualTo(id);
        assertThat(code(person(subject).execute(TOKENS))).isEqualTo("FORBIDDEN");
        assertThat(store.owner().execute(STAFF).getList("data.staffMembers.subject")).containsExactly(store.ownerSubject());
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemovedButASecondOwnerMakesItPossible() {
        TestStore store = TestStores.create("staff-owner");
        String ownerId = store.owner().execute(STAFF).getString("data.staffMembers[0].id");

        JsonPath demote = store.owner().execute(UPDATE, Map.of("id", ownerId, "role", "ADMIN"));
        JsonPath remove = store.owner().execute(REMOVE, Map.of("id", ownerId));

        assertThat(demote.getString("data.staffMemberUpdateRole.userErrors[0].code")).isEqualTo("LAST_OWNER");
        assertThat(remove.getString("data.staffMemberRemove.userErrors[0].code")).isEqualTo("LAST_OWNER");
        assertThat(store.owner().execute(STAFF).getList("data.staffMembers.role")).containsExactly("OWNER");

        String second = "owner2-" + UUID.randomUUID();
        addMember(store, second, "OWNER");
        assertThat(person(second).execute(REMOVE, Map.of("id", ownerId)).getList("data.staffMemberRemove.userErrors")).isEmpty();
        assertThat(code(store.owner().execute(STAFF))).isEqualTo("FORBIDDEN");
    }

    @Test
    void invalidAndDuplicateMembersAndForeignIdsAreUserErrors() {
        TestStore store = TestStores.create("staff-invalid");
        TestStore other = TestStores.create("staff-other");
        String otherOwnerId = other.owner().execute(STAFF).getString("data.staffMembers[0].id");

        JsonPath blank = store.owner().execute(ADD, Map.of("i", Map.of("issuer", " ", "subject", "x", "role", "ADMIN")));
        JsonPath duplicate = store.owner().execute(ADD, Map.of("i", Map.of("issuer", LocalOidcIssuer.issuer(),
                "subject", store.ownerSubject(), "role", "SUPPORT")));
        JsonPath foreign = store.owner().execute(UPDATE, Map.of("id", otherOwnerId, "role", "SUPPORT"));
        JsonPath foreignRemove = store.owner().execute(REMOVE, Map.of("id", otherOwnerId));
        JsonPath garbage = store.owner().execute(REMOVE, Map.of("id", "gid://shopgraph/StaffMember/nope"));

        assertThat(blank.getString("data.staffMemberAdd.userErrors[0].code")).isEqualTo("INVALID_PRINCIPAL");
        assertThat(duplicate.getString("data.staffMemberAdd.userErrors[0].code")).isEqualTo("ALREADY_MEMBER");
        assertThat(foreign.getString("data.staffMemberUpdateRole.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(foreignRemove.getString("data.staffMemberRemove.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(garbage.getString("data.staffMemberRemove.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(other.owner().execute(STAFF).getList("data.staffMembers.role")).containsExactly("OWNER");
    }

    @Test
    void aPartnerAppGetsExactlyItsGrantedScopesUntilUninstalled() {
        TestStore store = TestStores.create("app-scopes");
        String clientId = "partner-" + UUID.randomUUID();
        assertThat(code(app(clientId).execute(TOKENS))).as("not installed yet").isEqualTo("FORBIDDEN");

        String id = install(store, clientId, List.of("READ_PRODUCTS"));
        assertThat(code(app(clientId).execute(TOKENS))).as("read_products only").isEqualTo("FORBIDDEN");
        assertThat(app(clientId).execute("{ shop { handle } }").getString("data.shop.handle")).isEqualTo(store.handle());

        store.owner().execute(UPDATE_SCOPES, Map.of("id", id, "s", List.of("READ_SETTINGS", "READ_PRODUCTS")));
        assertThat(app(clientId).execute(TOKENS).getList("errors")).isNull();
        GraphQL viaClientIdClaim = GraphQL.merchant(LocalOidcIssuer.token(Map.of("sub", "svc", "client_id", clientId)));
        assertThat(viaClientIdClaim.execute(TOKENS).getList("errors")).as("client_id claim works like azp").isNull();
        assertThat(code(app(clientId).execute(STAFF))).as("apps never manage staff").isEqualTo("FORBIDDEN");

        assertThat(store.owner().execute(UNINSTALL, Map.of("id", id)).getString("data.appUninstall.appInstallation.uninstalledAt")).isNotNull();
        assertThat(code(app(clientId).execute(TOKENS))).isEqualTo("FORBIDDEN");
        assertThat(store.owner().execute("{ appInstallations { id } }").getList("data.appInstallations")).isEmpty();
        assertThat(store.owner().execute("{ appInstallations(includeUninstalled: true) { id } }").getList("data.appInstallations.id"))
                .containsExactly(id);
    }

    @Test
    void appsCannotGetManageStaffOrNoScopesAndAreInstalledOncePerStore() {
        TestStore store = TestStores.create("app-invalid");
        String clientId = "partner-" + UUID.randomUUID();

        JsonPath manage = store.owner().execute(INSTALL, Map.of("i", Map.of("clientId", clientId, "scopes", List.of("MANAGE_STAFF"))));
        JsonPath none = store.owner().execute(INSTALL, Map.of("i", Map.of("clientId", clientId, "scopes", List.of())));
        JsonPath blank = store.owner().execute(INSTALL, Map.of("i", Map.of("clientId", "  ", "scopes", List.of("READ_ORDERS"))));
        String id = install(store, clientId, List.of("READ_ORDERS"));
        JsonPath again = store.owner().execute(INSTALL, Map.of("i", Map.of("clientId", clientId, "scopes", List.of("READ_ORDERS"))));
        JsonPath escalate = store.owner().execute(UPDATE_SCOPES, Map.of("id", id, "s", List.of("MANAGE_STAFF")));

        assertThat(manage.getString("data.appInstall.userErrors[0].code")).isEqualTo("SCOPE_NOT_GRANTABLE");
        assertThat(none.getString("data.appInstall.userErrors[0].code")).isEqualTo("NO_SCOPES");
        assertThat(blank.getString("data.appInstall.userErrors[0].code")).isEqualTo("INVALID_CLIENT_ID");
        assertThat(again.getString("data.appInstall.userErrors[0].code")).isEqualTo("ALREADY_INSTALLED");
        assertThat(escalate.getString("data.appUpdateScopes.userErrors[0].code")).isEqualTo("SCOPE_NOT_GRANTABLE");
        assertThat(store.owner().execute("{ appInstallations { scopes } }").getList("data.appInstallations[0].scopes"))
                .containsExactly("READ_ORDERS");
    }

    @Test
    void anAppInSeveralStoresChoosesOneWithXStoreIdAndOtherStoresIdsAreNotFound() {
        TestStore first = TestStores.create("app-multi-a");
        TestStore second = TestStores.create("app-multi-b");
        String clientId = "partner-" + UUID.randomUUID();
        install(first, clientId, List.of("READ_SETTINGS"));
        String secondId = install(second, clientId, List.of("READ_PRODUCTS"));

        assertThat(code(app(clientId).execute("{ shop { handle } }"))).isEqualTo("BAD_REQUEST");
        assertThat(app(clientId).store(first.shopId()).execute("{ shop { handle } }").getString("data.shop.handle")).isEqualTo(first.handle());
        assertThat(code(app(clientId).store(second.shopId()).execute(TOKENS))).as("scopes are per store").isEqualTo("FORBIDDEN");
        assertThat(first.owner().execute(UNINSTALL, Map.of("id", secondId)).getString("data.appUninstall.userErrors[0].code"))
                .isEqualTo("NOT_FOUND");
        assertThat(second.owner().execute("{ appInstallations { id } }").getList("data.appInstallations.id")).containsExactly(secondId);
    }

    static final String STORE_CREATE = "mutation($i: StoreCreateInput!) { storeCreate(input: $i) { "
            + "shop { id handle currencyCode } storefrontAccessToken userErrors { field code } } }";

    static Map<String, Object> storeInput(String handle, String ownerSubject) {
        return Map.of("i", Map.of("name", "Operator store", "handle", handle, "currencyCode", "EUR", "countryCode", "FR",
                "pricesIncludeTax", true, "timezone", "Europe/Paris", "ownerIssuer", LocalOidcIssuer.issuer(), "ownerSubject", ownerSubject));
    }

    static GraphQL operator() {
        return GraphQL.merchant(LocalOidcIssuer.token(Map.of("sub", "operator-" + UUID.randomUUID(), "groups", List.of("platform-operator"))));
    }

    @Test
    void aPlatformOperatorCreatesAStoreWhoseOwnerAndStorefrontTokenWork() {
        String handle = "op-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = "op-owner-" + UUID.randomUUID();

        JsonPath body = operator().execute(STORE_CREATE, storeInput(handle, owner));

        assertThat(body.getList("data.storeCreate.userErrors")).isEmpty();
        String token = body.getString("data.storeCreate.storefrontAccessToken");
        assertThat(token).startsWith("sgst_");
        assertThat(GraphQL.storefront(token).execute("{ shop { handle } }").getString("data.shop.handle")).isEqualTo(handle);
        assertThat(person(owner).execute(STAFF).getList("data.staffMembers.role")).containsExactly("OWNER");
        assertThat(operator().execute(STORE_CREATE, storeInput(handle, owner)).getString("data.storeCreate.userErrors[0].code"))
                .isEqualTo("HANDLE_TAKEN");
        assertThat(operator().execute(STORE_CREATE, storeInput("op-x" + UUID.randomUUID().toString().substring(0, 6), " "))
                .getString("data.storeCreate.userErrors[0].code")).isEqualTo("INVALID_OWNER");
    }

    @Test
    void onlyTheOperatorRoleMayCreateStores() {
        TestStore store = TestStores.create("op-denied");
        Map<String, Object> input = storeInput("op-d" + UUID.randomUUID().toString().substring(0, 6), "x");
        GraphQL otherGroup = GraphQL.merchant(LocalOidcIssuer.token(Map.of("sub", "someone", "groups", List.of("staff"))));

        assertThat(code(GraphQL.anonymous().execute(STORE_CREATE, input))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(store.storefront().execute(STORE_CREATE, input))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(store.owner().execute(STORE_CREATE, input))).isEqualTo("FORBIDDEN");
        assertThat(code(otherGroup.execute(STORE_CREATE, input))).isEqualTo("FORBIDDEN");
    }
}
