package io.shopgraph.bookings.application;

import java.time.ZoneId;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.bookings.domain.SlotRules;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreSettings;

/** The current store's time zone, which every slot time is shown in (one statement). */
@ApplicationScoped
class StoreZone {

    private final StoreApi stores;
    private final TenantContext tenant;

    StoreZone(StoreApi stores, TenantContext tenant) {
        this.stores = stores;
        this.tenant = tenant;
    }

    ZoneId current() {
        StoreId store = tenant.requireStore();
        StoreSettings settings = stores.settings(Set.of(store)).get(store);
        return SlotRules.zone(settings == null ? null : settings.timezone());
    }
}
