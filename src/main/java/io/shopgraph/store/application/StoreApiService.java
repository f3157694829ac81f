package io.shopgraph.store.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreContact;
import io.shopgraph.store.api.StoreSettings;
import io.shopgraph.store.domain.StoreRepository;

/** The store module's public API. */
@ApplicationScoped
public class StoreApiService implements StoreApi {

    private final StoreRepository stores;
    private final NativeRows rows;

    StoreApiService(StoreRepository stores, NativeRows rows) {
        this.stores = stores;
        this.rows = rows;
    }

    /**
     * Plain JDBC (NativeRows): every cartCreate and product creation asks, and loading whole {@code Store} entities (with
     * their policies) through a query, to be dirty-checked at commit, was 8% of the cart workload's CPU samples.
     */
    @Override
    @Transactional
    public Map<StoreId, StoreSettings> settings(Set<StoreId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<UUID> uuids = ids.stream().map(StoreId::value).toList();
        Map<StoreId, StoreSettings> settings = new HashMap<>();
        for (Object[] row : rows.query("select id, currency_code, country_code, prices_include_tax, timezone, default_locale from store.store "
                + "where id in (:ids)", Map.of("ids", uuids))) {
            StoreId id = new StoreId((UUID) row[0]);
            settings.put(id, new StoreSettings(id, strip(row[1]), strip(row[2]), (Boolean) row[3], (String) row[4], (String) row[5]));
        }
        return settings;
    }

    private static String strip(Object bpchar) {
        return bpchar == null ? null : bpchar.toString().strip();
    }

    @Override
    @Transactional
    public java.util.Optional<StoreContact> contact(StoreId store) {
        return stores.findByIdOptional(store.value()).map(s -> new StoreContact(store, s.name, s.contactEmail, s.defaultLocale));
    }

    @Override
    @Transactional
    public java.util.Optional<StoreId> storeByHandle(String handle) {
        return stores.findByHandle(handle).map(s -> new StoreId(s.id));
    }
}
