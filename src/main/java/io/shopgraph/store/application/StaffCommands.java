package io.shopgraph.store.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.store.domain.StaffMember;
import io.shopgraph.store.domain.StaffMemberErrorCode;
import io.shopgraph.store.domain.StaffMemberRepository;
import io.shopgraph.store.domain.StaffRole;
import io.shopgraph.store.domain.StoreRules;

/** Adding, changing and removing the current store's staff. A store always keeps one OWNER. */
@ApplicationScoped
public class StaffCommands {

    private final StaffMemberRepository staff;

    StaffCommands(StaffMemberRepository staff) {
        this.staff = staff;
    }

    @Transactional
    public StaffMemberView add(String issuer, String subject, StaffRole role) {
        List<String> principal = StoreRules.staffPrincipal(issuer, subject);
        String cleanIssuer = principal.get(0);
        String cleanSubject = principal.get(1);
        if (staff.findByPrincipal(cleanIssuer, cleanSubject).isPresent()) {
            throw new DomainException(StaffMemberErrorCode.ALREADY_MEMBER, List.of("input", "subject"),
                    "This person is already a member of the store.");
        }
        StaffMember member = new StaffMember();
        member.id = Ids.newId();
        member.issuer = cleanIssuer;
        member.subject = cleanSubject;
        member.role = role;
        member.createdAt = Instant.now();
        staff.persist(member);
        return StaffMemberView.of(member);
    }

    @Transactional
    public StaffMemberView updateRole(UUID id, StaffRole role) {
        List<StaffMember> owners = staff.lockOwners();
        StaffMember member = find(id);
        if (member.role == StaffRole.OWNER && role != StaffRole.OWNER && owners.size() <= 1) {
            throw new DomainException(StaffMemberErrorCode.LAST_OWNER, List.of("role"),
                    "The store's last owner cannot be demoted: make someone else owner first.");
        }
        member.role = role;
        return StaffMemberView.of(member);
    }

    @Transactional
    public UUID remove(UUID id) {
        List<StaffMember> owners = staff.lockOwners();
        StaffMember member = find(id);
        if (member.role == StaffRole.OWNER && owners.size() <= 1) {
            throw new DomainException(StaffMemberErrorCode.LAST_OWNER, List.of("id"),
                    "The store's last owner cannot be removed: make someone else owner first.");
        }
        staff.delete(member);
        return member.id;
    }

    private StaffMember find(UUID id) {
        return staff.findByIdOptional(id).orElseThrow(() -> notFound());
    }

    public static DomainException notFound() {
        return new DomainException(StaffMemberErrorCode.NOT_FOUND, List.of("id"), "No staff member has this id.");
    }
}
