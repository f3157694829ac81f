package io.shopgraph.inventory.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;

import io.shopgraph.inventory.application.InventoryService;
import io.shopgraph.inventory.application.StockRow;

/**
 * The stock rows one request has read, so that quantityAvailable and availableForSale on the same
 * variants cost one statement, not one each.
 */
@RequestScoped
public class StockMemo {

    private final InventoryService inventory;
    private final Map<UUID, StockRow> loaded = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> known = new ConcurrentHashMap<>();

    StockMemo(InventoryService inventory) {
        this.inventory = inventory;
    }

    Map<UUID, StockRow> levels(List<UUID> variantIds) {
        List<UUID> missing = variantIds.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            loaded.putAll(inventory.byVariants(missing));
            missing.forEach(id -> known.put(id, Boolean.TRUE));
        }
        return loaded;
    }
}
