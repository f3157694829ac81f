package io.shopgraph.customers.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerTokenRepository implements PanacheRepositoryBase<CustomerToken, UUID> {

    public Optional<CustomerToken> findLive(String tokenHash, Instant now) {
        return find("tokenHash = ?1 and revokedAt is null and expiresAt > ?2", tokenHash, now).firstResultOptional();
    }

    public int revokeAll(UUID customerId, Instant now) {
        return update("revokedAt = ?1 where customerId = ?2 and revokedAt is null", now, customerId);
    }
}
