package io.shopgraph.customers.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.customers.api.CustomerAddressView;
import io.shopgraph.customers.api.CustomerRef;
import io.shopgraph.customers.api.CustomersApi;
import io.shopgraph.customers.domain.CustomerAddressRepository;
import io.shopgraph.customers.domain.CustomerRepository;
import io.shopgraph.customers.domain.CustomerTokenRepository;
import io.shopgraph.platform.security.OpaqueTokens;

/** {@link CustomersApi} over the module's repositories; reads only, in the caller's transaction when there is one. */
@ApplicationScoped
public class CustomersApiService implements CustomersApi {

    private final CustomerRepository customers;
    private final CustomerTokenRepository tokens;
    private final CustomerAddressRepository addresses;

    CustomersApiService(CustomerRepository customers, CustomerTokenRepository tokens, CustomerAddressRepository addresses) {
        this.customers = customers;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @Override
    @Transactional
    public Optional<CustomerRef> customerForAccessToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return tokens.findLive(OpaqueTokens.hash(token), Instant.now()).flatMap(t -> customer(t.customerId));
    }

    @Override
    @Transactional
    public Optional<CustomerRef> customer(UUID customerId) {
        return customers.findByIdOptional(customerId).map(c -> new CustomerRef(c.id, c.email));
    }

    @Override
    @Transactional
    public List<CustomerAddressView> addresses(UUID customerId) {
        return addresses.ofCustomer(customerId).stream().map(CustomerAccounts::addressView).toList();
    }
}
