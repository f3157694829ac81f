package io.shopgraph.store.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppInstallationRepository implements PanacheRepositoryBase<AppInstallation, UUID> {

    public Optional<AppInstallation> findLive(String clientId) {
        return find("clientId = ?1 and uninstalledAt is null", clientId).firstResultOptional();
    }

    /** The store's installations, live first, at most {@code limit}. */
    public List<AppInstallation> listAll(int limit) {
        return find("order by case when uninstalledAt is null then 0 else 1 end, id").page(0, limit).list();
    }
}
