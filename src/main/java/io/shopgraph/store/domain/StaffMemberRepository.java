package io.shopgraph.store.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StaffMemberRepository implements PanacheRepositoryBase<StaffMember, UUID> {

    public Optional<StaffMember> findByPrincipal(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }

    /** The store's owners, locked until the transaction ends so two demotions cannot both pass. */
    public List<StaffMember> lockOwners() {
        return find("role = ?1 order by id", StaffRole.OWNER).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<StaffMember> listAll(int limit) {
        return find("order by id").page(0, limit).list();
    }
}
