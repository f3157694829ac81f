package io.shopgraph.store.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StoreRepository implements PanacheRepositoryBase<Store, UUID> {

    public Optional<Store> findByHandle(String handle) {
        return find("handle", handle).firstResultOptional();
    }
}
