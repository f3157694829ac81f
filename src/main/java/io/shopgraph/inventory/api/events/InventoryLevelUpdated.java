package io.shopgraph.inventory.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.ResourceEvent;

/**
 * Outbox event (docs/events.md): a variant's stock was set or adjusted (inventorySetQuantities,
 * inventoryAdjustQuantities). The aggregate is the
 * variant; {@code resourceJson} is the stock as the API's {@code StockLevel} type shows it.
 */
@RegisterForReflection
public record InventoryLevelUpdated(UUID variantId, String resourceJson) implements ResourceEvent {

    @Override
    public UUID aggregateId() {
        return variantId;
    }
}
