package io.shopgraph.store.application;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.domain.AllowedOrigins;
import io.shopgraph.store.domain.StaffRole;

/**
 * Finds the store a credential belongs to, before any store is known. The tenant filter cannot
 * help here, so these are native queries; row-level security still applies and lets through only
 * rows matching the credential that the transaction declared in {@code app.token_hash} or
 * {@code app.principal_*}: knowing a token's hash is the only way to read its row.
 */
@ApplicationScoped
class CredentialLookup {

    private final EntityManager em;

    CredentialLookup(EntityManager em) {
        this.em = em;
    }

    @Transactional
    Optional<LiveToken> liveToken(String tokenHash) {
        em.createNativeQuery("select set_config('app.token_hash', ?1, true)").setParameter(1, tokenHash).getSingleResult();
        List<?> rows = em.createNativeQuery(
                "select store_id, array_to_string(allowed_origins, ' ') from store.storefront_token "
                        + "where token_hash = ?1 and revoked_at is null")
                .setParameter(1, tokenHash)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(row -> new LiveToken(new StoreId((UUID) row[0]),
                new AllowedOrigins(((String) row[1]).isBlank() ? List.of() : List.of(((String) row[1]).split(" ")))));
    }

    @Transactional
    List<Membership> memberships(String issuer, String subject) {
        em.createNativeQuery("select set_config('app.principal_issuer', ?1, true), set_config('app.principal_subject', ?2, true)")
                .setParameter(1, issuer).setParameter(2, subject).getSingleResult();
        List<?> rows = em.createNativeQuery(
                "select store_id, role from store.staff_member where issuer = ?1 and subject = ?2 order by store_id limit 101")
                .setParameter(1, issuer).setParameter(2, subject)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Membership(new StoreId((UUID) row[0]), StaffRole.valueOf((String) row[1])))
                .toList();
    }

    /** The live installations of the partner app with this OIDC client id, in any store. */
    @Transactional
    List<Installation> installations(String clientId) {
        em.createNativeQuery("select set_config('app.principal_client_id', ?1, true)").setParameter(1, clientId)
                .getSingleResult();
        List<?> rows = em.createNativeQuery(
                "select store_id, array_to_string(scopes, ',') from store.app_installation "
                        + "where client_id = ?1 and uninstalled_at is null order by store_id limit 101")
                .setParameter(1, clientId)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Installation(new StoreId((UUID) row[0]), scopesOf((String) row[1])))
                .toList();
    }

    private static Set<Scope> scopesOf(String names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                try {
                    scopes.add(Scope.valueOf(name));
                } catch (IllegalArgumentException e) {
                    // a scope this version no longer knows grants nothing
                }
            }
        }
        scopes.remove(Scope.MANAGE_STAFF);
        return scopes;
    }

    /** A live storefront token: its store and the browser origins it may be used from. */
    record LiveToken(StoreId store, AllowedOrigins origins) {
    }

    record Membership(StoreId store, StaffRole role) {
    }

    record Installation(StoreId store, Set<Scope> scopes) {
    }
}
