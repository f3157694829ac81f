package io.shopgraph.customers;

import static io.shopgraph.customers.CustomerAccountsTest.ADD_ADDRESS;
import static io.shopgraph.customers.CustomerAccountsTest.customer;
import static io.shopgraph.customers.CustomerAccountsTest.email;
import static io.shopgraph.customers.CustomerAccountsTest.register;
import static io.shopgraph.customers.CustomerAccountsTest.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.customers.api.CustomerAddressView;
import io.shopgraph.customers.api.CustomerRef;
import io.shopgraph.customers.api.CustomersApi;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores.TestStore;
import io.shopgraph.testing.TestStores;

/** What cart and orders may ask of customers: the customer a token signs in, and that customer's addresses as records. */
@QuarkusTest
class CustomersApiTest {

    @Inject
    CustomersApi customers;

    @Inject
    TenantScope tenantScope;

    @Test
    void aTokenGivesItsCustomerAndTheCustomersAddressesComeAsRecordsOfThatStoreOnly() {
        TestStore store = TestStores.create("cust-api");
        TestStore other = TestStores.create("cust-api-other");
        String email = email();
        register(store, email, "correct horse");
        String token = token(store, email, "correct horse");
        customer(store, token).execute(ADD_ADDRESS, Map.of("a", Map.of("address1", "1 Rue de Rivoli", "city", "Paris",
                "countryCode", "fr"), "d", true));
        customer(store, token).execute(ADD_ADDRESS, Map.of("a", Map.of("address1", "2 Main St", "city", "Boston",
                "countryCode", "US")));

        CustomerRef ref = tenantScope.call(store.id(), () -> customers.customerForAccessToken(token)).orElseThrow();
        assertThat(ref.email()).isEqualTo(email);
        assertThat(tenantScope.call(store.id(), () -> customers.customerForAccessToken("sgct_not-a-token"))).isEmpty();

        var addresses = tenantScope.call(store.id(), () -> customers.addresses(ref.id()));
        assertThat(addresses).extracting(CustomerAddressView::city).containsExactlyInAnyOrder("Paris", "Boston");
        assertThat(addresses).filteredOn(CustomerAddressView::isDefault).extracting(CustomerAddressView::countryCode)
                .containsExactly("FR");
        assertThat(tenantScope.call(other.id(), () -> customers.addresses(ref.id()))).as("another store sees none").isEmpty();
        assertThat(tenantScope.call(store.id(), () -> customers.addresses(UUID.randomUUID()))).isEmpty();
    }
}
