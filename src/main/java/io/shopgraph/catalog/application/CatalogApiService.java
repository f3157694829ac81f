package io.shopgraph.catalog.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.application.read.VariantReads;
import io.shopgraph.platform.tenancy.TenantContext;

@ApplicationScoped
public class CatalogApiService implements CatalogApi {

    private final EntityManager em;
    private final TenantContext tenant;
    private final VariantReads variants;

    CatalogApiService(EntityManager em, TenantContext tenant, VariantReads variants) {
        this.em = em;
        this.tenant = tenant;
        this.variants = variants;
    }

    @Override
    public Map<UUID, List<ProductVariantView>> variantsOfProducts(Collection<UUID> productIds) {
        return variants.ofProducts(productIds);
    }

    @Override
    @Transactional
    public void productAvailabilityChanged(Map<UUID, Boolean> availableByProduct) {
        // At most two statements per 1,000 products (bulk loads change many at once).
        for (boolean available : new boolean[] {true, false}) {
            List<UUID> ids = availableByProduct.entrySet().stream().filter(e -> e.getValue() == available).map(Map.Entry::getKey).toList();
            for (int from = 0; from < ids.size(); from += 1000) {
                em.createNativeQuery("update catalog.product set available = :a where store_id = :store and id in (:ids) and available <> :a")
                        .setParameter("a", available).setParameter("store", tenant.store().orElseThrow().value())
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).executeUpdate();
            }
        }
    }
}
