package io.shopgraph.catalog.application;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.platform.tenancy.TenantContext;

@ApplicationScoped
public class CatalogApiService implements CatalogApi {

    private final EntityManager em;
    private final TenantContext tenant;

    CatalogApiService(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    @Override
    @Transactional
    public void productAvailabilityChanged(Map<UUID, Boolean> availableByProduct) {
        availableByProduct.forEach((product, available) -> em.createNativeQuery(
                "update catalog.product set available = :a where store_id = :store and id = :id and available <> :a")
                .setParameter("a", available).setParameter("store", tenant.store().orElseThrow().value())
                .setParameter("id", product).executeUpdate());
    }
}
