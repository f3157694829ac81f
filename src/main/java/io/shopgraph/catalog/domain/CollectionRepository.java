package io.shopgraph.catalog.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<Collection, UUID> {

    /** The id of the store's collection with this handle, if any. */
    public Optional<UUID> idByHandle(String handle) {
        return find("handle", handle).firstResultOptional().map(c -> c.id);
    }
}
