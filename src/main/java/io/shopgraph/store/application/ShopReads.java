package io.shopgraph.store.application;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.store.domain.StoreRepository;

/** Reading stores as the API shows them. */
@ApplicationScoped
public class ShopReads {

    private final StoreRepository stores;

    ShopReads(StoreRepository stores) {
        this.stores = stores;
    }

    @Transactional
    public ShopView shop(StoreId store) {
        return ShopView.of(stores.findById(store.value()));
    }

    /** The stores among {@code ids} that are {@code visibleStore}: a caller sees its own store only. */
    @Transactional
    public Map<UUID, ShopView> visible(Collection<UUID> ids, StoreId visibleStore) {
        if (!ids.contains(visibleStore.value())) {
            return Map.of();
        }
        return stores.findByIdOptional(visibleStore.value()).stream()
                .collect(Collectors.toMap(s -> s.id, ShopView::of));
    }
}
