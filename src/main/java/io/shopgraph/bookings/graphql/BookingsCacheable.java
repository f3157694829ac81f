package io.shopgraph.bookings.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.cache.StorefrontCacheable;

/** Bookings has no root reads of its own, but a variant's slots and their free places are part of cached catalog answers. */
@ApplicationScoped
class BookingsCacheable implements StorefrontCacheable {

    @Override
    public Set<String> rootFields() {
        return Set.of();
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of();
    }

    @Override
    public Set<String> schemas() {
        return Set.of("bookings");
    }
}
