package io.shopgraph.catalog.application;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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
        if (availableByProduct.isEmpty()) {
            return;
        }
        UUID store = tenant.store().orElseThrow().value();
        List<Map.Entry<UUID, Boolean>> entries = List.copyOf(availableByProduct.entrySet());
        // One statement for any number of products (an import tells about 1,000 at once).
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update catalog.product p set available = c.available "
                    + "from unnest(?, ?) as c(id, available) where p.store_id = ? and p.id = c.id and p.available <> c.available")) {
                update.setArray(1, connection.createArrayOf("uuid", entries.stream().map(Map.Entry::getKey).toArray()));
                update.setArray(2, connection.createArrayOf("boolean", entries.stream().map(Map.Entry::getValue).toArray()));
                update.setObject(3, store);
                update.executeUpdate();
            }
        });
    }
}
