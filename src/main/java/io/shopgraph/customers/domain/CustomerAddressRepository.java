package io.shopgraph.customers.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerAddressRepository implements PanacheRepositoryBase<CustomerAddress, UUID> {

    public List<CustomerAddress> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by id", customerId);
    }

    /** The address if it is this customer's: another customer's address is as unknown as a missing one. */
    public Optional<CustomerAddress> findOwned(UUID customerId, UUID id) {
        return find("customerId = ?1 and id = ?2", customerId, id).firstResultOptional();
    }

    public long countOf(UUID customerId) {
        return count("customerId", customerId);
    }
}
