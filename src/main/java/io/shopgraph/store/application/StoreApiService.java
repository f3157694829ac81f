package io.shopgraph.store.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreContact;
import io.shopgraph.store.api.StoreSettings;
import io.shopgraph.store.domain.StoreRepository;

/** The store module's public API. */
@ApplicationScoped
public class StoreApiService implements StoreApi {

    private final StoreRepository stores;

    StoreApiService(StoreRepository stores) {
        this.stores = stores;
    }

    @Override
    @Transactional
    public Map<StoreId, StoreSettings> settings(Set<StoreId> ids) {
        List<java.util.UUID> uuids = ids.stream().map(StoreId::value).toList();
        return stores.list("id in ?1", uuids).stream()
                .map(s -> new StoreSettings(new StoreId(s.id), s.currencyCode, s.countryCode, s.pricesIncludeTax, s.timezone,
                        s.defaultLocale))
                .collect(Collectors.toMap(StoreSettings::id, s -> s));
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
