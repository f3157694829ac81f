package io.shopgraph.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds Hibernate's {@code @TenantId} discriminator from {@link TenantContext}. With no store bound
 * it answers the nil UUID, which owns no rows: tenant data fails closed, never open.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StoreTenantResolver implements TenantResolver {

    /** A tenant id that matches no store. */
    public static final String NO_STORE = "00000000-0000-0000-0000-000000000000";

    private final TenantContext context;

    StoreTenantResolver(TenantContext context) {
        this.context = context;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_STORE;
    }

    @Override
    public String resolveTenantId() {
        return context.store().map(Object::toString).orElse(NO_STORE);
    }
}
