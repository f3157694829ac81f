package io.shopgraph.store.domain;

import java.util.EnumSet;
import java.util.Set;

import io.shopgraph.platform.security.Scope;

/** Staff roles and the scopes each grants. */
public enum StaffRole {
    OWNER(EnumSet.allOf(Scope.class)),
    ADMIN(EnumSet.complementOf(EnumSet.of(Scope.MANAGE_STAFF))),
    CATALOG(EnumSet.of(Scope.READ_PRODUCTS, Scope.WRITE_PRODUCTS)),
    ORDERS(EnumSet.of(Scope.READ_ORDERS, Scope.WRITE_ORDERS, Scope.READ_CUSTOMERS, Scope.READ_PRODUCTS)),
    SUPPORT(EnumSet.of(Scope.READ_ORDERS, Scope.READ_CUSTOMERS, Scope.READ_PRODUCTS));

    private final Set<Scope> scopes;

    StaffRole(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }
}
