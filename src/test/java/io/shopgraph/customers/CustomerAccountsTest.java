package io.shopgraph.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class CustomerAccountsTest {

    static final String CREATE = "mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { "
            + "customer { id email firstName acceptsMarketing } userErrors { field code message } } }";
    static final String SIGN_IN = "mutation($e: String!, $p: String!) { customerAccessTokenCreate(input: {email: $e, password: $p}) { "
            + "customerAccessToken { accessToken expiresAt } userErrors { field code message } } }";
    static final String RENEW = "mutation($t: String!) { customerAccessTokenRenew(customerAccessToken: $t) { "
            + "customerAccessToken { accessToken expiresAt } userErrors { code } } }";
    static final String DELETE = "mutation($t: String!) { customerAccessTokenDelete(customerAccessToken: $t) { deleted userErrors { code } } }";
    static final String ME = "{ customer { id email defaultAddress { id city } addresses { id city isDefault } } }";
    static final String ADD_ADDRESS = "mutation($a: MailingAddressInput!, $d: Boolean) { customerAddressCreate(address: $a, setAsDefault: $d) { "
            + "customerAddress { id city isDefault } userErrors { field code } } }";

    @Inject
    TenantScope tenantScope;

    @Inject
    EntityManager em;

    static String email() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    static void register(TestStore store, String email, String password) {
        JsonPath body = store.storefront().execute(CREATE, Map.of("i", Map.of("email", email, "password", password, "firstName", "Ada")));
        assertThat(body.getList("data.customerCreate.userErrors")).isEmpty();
    }

    static JsonPath signIn(TestStore store, String email, String password) {
        return store.storefront().execute(SIGN_IN, Map.of("e", email, "p", password));
    }

    static String token(TestStore store, String email, String password) {
        JsonPath body = signIn(store, email, password);
        assertThat(body.getList("data.customerAccessTokenCreate.userErrors")).isEmpty();
        return body.getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");
    }

    static GraphQL customer(TestStore store, String token) {
        return store.storefront().header("X-Customer-Token", token);
    }

    static String code(JsonPath body) {
        return body.getString("errors[0].extensions.code");
    }

    @Test
    void registerSignInReadProfileAndSignOut() {
        TestStore store = TestStores.create("cust-basic");
        String email = email();
        register(store, email.toUpperCase(), "correct horse");

        String token = token(store, email, "correct horse");

        assertThat(token).startsWith("sgct_");
        assertThat(customer(store, token).execute(ME).getString("data.customer.email")).isEqualTo(email);
        JsonPath renewed = store.storefront().execute(RENEW, Map.of("t", token));
        assertThat(renewed.getString("data.customerAccessTokenRenew.customerAccessToken.accessToken")).isEqualTo(token);
        assertThat(store.storefront().execute(DELETE, Map.of("t", token)).getBoolean("data.customerAccessTokenDelete.deleted")).isTrue();
        assertThat(code(customer(store, token).execute(ME))).as("revoked").isEqualTo("UNAUTHENTICATED");
        assertThat(store.storefront().execute(RENEW, Map.of("t", token)).getString("data.customerAccessTokenRenew.userErrors[0].code"))
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aGuestPageAsksForTheCustomerAndStillGetsTheShop() {
        TestStore store = TestStores.create("cust-guest");
        String page = "{ shop { name } customer { email } }";

        JsonPath guest = store.storefront().execute(page);
        assertThat(guest.getList("errors")).isNull();
        assertThat(guest.getString("data.shop.name")).isEqualTo("Store " + store.handle());
        assertThat(guest.getMap("data")).containsEntry("customer", null);

        // A customer token that is no longer valid is reported, on the customer field only.
        JsonPath stale = store.storefront().header("X-Customer-Token", "sgct_" + UUID.randomUUID()).execute(page);
        assertThat(code(stale)).isEqualTo("UNAUTHENTICATED");
        assertThat(stale.getList("errors[0].path")).containsExactly("customer");
        assertThat(stale.getString("data.shop.name")).isEqualTo("Store " + store.handle());

        String email = email();
        register(store, email, "long enough");
        JsonPath signedIn = customer(store, token(store, email, "long enough")).execute(page);
        assertThat(signedIn.getString("data.customer.email")).isEqualTo(email);
        assertThat(signedIn.getString("data.shop.name")).isEqualTo("Store " + store.handle());
    }

    @Test
    void registrationValidatesAndRefusesADuplicateEmail() {
        TestStore store = TestStores.create("cust-invalid");
        String email = email();
        register(store, email, "long enough");

        assertThat(store.storefront().execute(CREATE, Map.of("i", Map.of("email", "nope", "password", "long enough")))
                .getString("data.customerCreate.userErrors[0].code")).isEqualTo("INVALID_EMAIL");
        assertThat(store.storefront().execute(CREATE, Map.of("i", Map.of("email", email(), "password", "short")))
                .getString("data.customerCreate.userErrors[0].code")).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(store.storefront().execute(CREATE, Map.of("i", Map.of("email", email, "password", "long enough")))
                .getString("data.customerCreate.userErrors[0].code")).isEqualTo("TAKEN");
        TestStore other = TestStores.create("cust-invalid-other");
        register(other, email, "long enough");
    }

    @Test
    void aCustomerTokenWorksOnlyWithItsOwnStoresStorefrontToken() {
        TestStore store = TestStores.create("cust-pair");
        TestStore other = TestStores.create("cust-pair-other");
        String email = email();
        register(store, email, "long enough");
        String token = token(store, email, "long enough");

        assertThat(code(other.storefront().header("X-Customer-Token", token).execute(ME))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(GraphQL.anonymous().header("X-Customer-Token", token).execute(ME))).isEqualTo("UNAUTHENTICATED");
        JsonPath guest = store.storefront().execute(ME);
        assertThat(guest.getList("errors")).as("a guest is no error").isNull();
        assertThat(guest.getMap("data")).containsEntry("customer", null);
        assertThat(code(store.owner().header("X-Customer-Token", token).execute(ME))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anExpiredTokenIsRefusedAndCannotBeRenewed() {
        TestStore store = TestStores.create("cust-expiry");
        String email = email();
        register(store, email, "long enough");
        String token = token(store, email, "long enough");

        tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update customers.customer_token set expires_at = now() - interval '1 second'").executeUpdate()));

        assertThat(code(customer(store, token).execute(ME))).isEqualTo("UNAUTHENTICATED");
        assertThat(store.storefront().execute(RENEW, Map.of("t", token)).getString("data.customerAccessTokenRenew.userErrors[0].code"))
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSameAnswerAndRepeatedFailuresAreThrottledPerEmail() {
        TestStore store = TestStores.create("cust-throttle");
        String email = email();
        register(store, email, "right password");

        JsonPath wrong = signIn(store, email, "wrong password");
        JsonPath unknown = signIn(store, email(), "wrong password");
        assertThat(wrong.getMap("data.customerAccessTokenCreate")).isEqualTo(unknown.getMap("data.customerAccessTokenCreate"));
        assertThat(wrong.getString("data.customerAccessTokenCreate.userErrors[0].code")).isEqualTo("INVALID_CREDENTIALS");

        for (int i = 1; i < 5; i++) {
            signIn(store, email, "wrong password");
        }
        JsonPath throttled = signIn(store, email, "right password");
        assertThat(throttled.getString("data.customerAccessTokenCreate.userErrors[0].code")).isEqualTo("THROTTLED");
        assertThat(throttled.getString("data.customerAccessTokenCreate.customerAccessToken")).isNull();

        String neverRegistered = email();
        for (int i = 0; i < 5; i++) {
            signIn(store, neverRegistered, "whatever1");
        }
        assertThat(signIn(store, neverRegistered, "whatever1").getString("data.customerAccessTokenCreate.userErrors[0].code"))
                .as("unknown emails are throttled exactly like known ones").isEqualTo("THROTTLED");
    }

    @Test
    void repeatedFailuresFromOneClientAreThrottledAcrossEmails() {
        TestStore store = TestStores.create("cust-client");
        String email = email();
        register(store, email, "right password");
        for (int i = 0; i < 10; i++) {
            signIn(store, email(), "wrong password");
        }
        assertThat(signIn(store, email, "right password").getString("data.customerAccessTokenCreate.userErrors[0].code"))
                .isEqualTo("THROTTLED");
        TestStore other = TestStores.create("cust-client-other");
        register(other, email, "right password");
        assertThat(signIn(other, email, "right password").getList("data.customerAccessTokenCreate.userErrors"))
                .as("throttling is per store").isEmpty();
    }

    @Test
    void delaysGrowAfterTheFreeFailuresUpToTheCap() {
        Duration base = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(15);
        assertThat(io.shopgraph.customers.application.LoginThrottleDelays.of(4, 5, base, max)).isEmpty();
        assertThat(io.shopgraph.customers.application.LoginThrottleDelays.of(5, 5, base, max)).contains(Duration.ofSeconds(1));
        assertThat(io.shopgraph.customers.application.LoginThrottleDelays.of(6, 5, base, max)).contains(Duration.ofSeconds(2));
        assertThat(io.shopgraph.customers.application.LoginThrottleDelays.of(9, 5, base, max)).contains(Duration.ofSeconds(16));
        assertThat(io.shopgraph.customers.application.LoginThrottleDelays.of(500, 5, base, max)).contains(max);
    }

    @Test
    void passwordResetIsSingleUseRevokesSessionsAndRevealsNothing() {
        TestStore store = TestStores.create("cust-reset");
        String email = email();
        register(store, email, "old password");
        String session = token(store, email, "old password");
        String recover = "mutation($e: String!) { customerRecover(email: $e) { userErrors { code } } }";
        String reset = "mutation($t: String!, $p: String!) { customerReset(input: {resetToken: $t, password: $p}) { userErrors { field code } } }";

        JsonPath known = store.storefront().execute(recover, Map.of("e", email));
        JsonPath unknown = store.storefront().execute(recover, Map.of("e", email()));
        assertThat(known.getMap("data")).isEqualTo(unknown.getMap("data"));
        String resetToken = RecordingMailer.RESET_TOKENS.get(email);
        assertThat(resetToken).startsWith("sgpr_");

        assertThat(store.storefront().execute(reset, Map.of("t", resetToken, "p", "new password")).getList("data.customerReset.userErrors")).isEmpty();
        assertThat(store.storefront().execute(reset, Map.of("t", resetToken, "p", "other password"))
                .getString("data.customerReset.userErrors[0].code")).as("single use").isEqualTo("INVALID_TOKEN");
        assertThat(code(customer(store, session).execute(ME))).as("old sessions end").isEqualTo("UNAUTHENTICATED");
        assertThat(signIn(store, email, "old password").getString("data.customerAccessTokenCreate.userErrors[0].code"))
                .isEqualTo("INVALID_CREDENTIALS");
        token(store, email, "new password");
        TestStore other = TestStores.create("cust-reset-other");
        store.storefront().execute(recover, Map.of("e", email));
        assertThat(other.storefront().execute(reset, Map.of("t", RecordingMailer.RESET_TOKENS.get(email), "p", "third password"))
                .getString("data.customerReset.userErrors[0].code")).as("another store's reset token").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void addressesWithOneDefaultOwnedByTheCustomerOnly() {
        TestStore store = TestStores.create("cust-address");
        String email = email();
        register(store, email, "long enough");
        String token = token(store, email, "long enough");
        Map<String, Object> paris = Map.of("address1", "1 rue de Rivoli", "city", "Paris", "countryCode", "fr");
        Map<String, Object> lyon = Map.of("address1", "2 quai", "city", "Lyon", "countryCode", "FR");

        String first = customer(store, token).execute(ADD_ADDRESS, Map.of("a", paris)).getString("data.customerAddressCreate.customerAddress.id");
        String second = customer(store, token).execute(ADD_ADDRESS, Map.of("a", lyon)).getString("data.customerAddressCreate.customerAddress.id");
        JsonPath me = customer(store, token).execute(ME);
        assertThat(me.getString("data.customer.defaultAddress.id")).as("the first address is the default").isEqualTo(first);

        customer(store, token).execute("mutation($id: ID!) { customerDefaultAddressUpdate(addressId: $id) { userErrors { code } } }",
                Map.of("id", second));
        me = customer(store, token).execute(ME);
        assertThat(me.getString("data.customer.defaultAddress.city")).isEqualTo("Lyon");
        assertThat(me.getList("data.customer.addresses.isDefault")).containsExactly(false, true);

        assertThat(customer(store, token).execute(ADD_ADDRESS, Map.of("a", Map.of("address1", " ", "city", "X", "countryCode", "FR")))
                .getString("data.customerAddressCreate.userErrors[0].code")).isEqualTo("BLANK");
        assertThat(customer(store, token).execute(ADD_ADDRESS, Map.of("a", Map.of("address1", "x", "city", "X", "countryCode", "ZZ")))
                .getString("data.customerAddressCreate.userErrors[0].code")).isEqualTo("INVALID_COUNTRY");

        String otherEmail = email();
        register(store, otherEmail, "long enough");
        String otherToken = token(store, otherEmail, "long enough");
        JsonPath foreign = customer(store, otherToken).execute(
                "mutation($id: ID!) { customerAddressDelete(id: $id) { deletedCustomerAddressId userErrors { code } } }", Map.of("id", first));
        assertThat(foreign.getString("data.customerAddressDelete.userErrors[0].code")).isEqualTo("NOT_FOUND");
        JsonPath update = customer(store, token).execute("mutation($id: ID!, $a: MailingAddressInput!) { customerAddressUpdate(id: $id, address: $a) { "
                + "customerAddress { city } userErrors { code } } }", Map.of("id", first, "a", Map.of("address1", "3 rue", "city", "Nice", "countryCode", "FR")));
        assertThat(update.getString("data.customerAddressUpdate.customerAddress.city")).isEqualTo("Nice");
        assertThat(customer(store, token).execute(
                "mutation($id: ID!) { customerAddressDelete(id: $id) { deletedCustomerAddressId userErrors { code } } }", Map.of("id", first))
                .getString("data.customerAddressDelete.deletedCustomerAddressId")).isEqualTo(first);
        assertThat(customer(store, token).execute(ME).getList("data.customer.addresses.id")).containsExactly(second);
    }
}
