package io.shopgraph.store.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StaffMemberRepository implements PanacheRepositoryBase<StaffMember, UUID> {

    public Optional<StaffMember> findByPrincipal(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }
}
