package io.shopgraph.store.domain;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

import io.shopgraph.platform.security.Scope;

/** Staff roles and the scopes each grants. */
@Enum("StaffRole")
@Description("What a staff member may do in a store.")
public enum StaffRole {
    @Description("Everything, including managing staff and partner apps (manage_staff).")
    OWNER(EnumSet.allOf(Scope.class)),
    @Description("Everything except managing staff and partner apps.")
    ADMIN(EnumSet.complementOf(EnumSet.of(Scope.MANAGE_STAFF))),
    @Description("Products and collections: read_products, write_products.")
    CATALOG(EnumSet.of(Scope.READ_PRODUCTS, Scope.WRITE_PRODUCTS)),
    @Description("Orders and fulfilment: read_orders, write_orders, read_customers, read_products.")
    ORDERS(EnumSet.of(Scope.READ_ORDERS, Scope.WRITE_ORDERS, Scope.READ_CUSTOMERS, Scope.READ_PRODUCTS)),
    @Description("Customer support, read only: read_orders, read_customers, read_products.")
    SUPPORT(EnumSet.of(Scope.READ_ORDERS, Scope.READ_CUSTOMERS, Scope.READ_PRODUCTS));

    private final Set<Scope> scopes;

    StaffRole(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }
}
