package io.shopgraph.orders.api;

import java.util.UUID;

/**
 * A placed order: its id, its per-store number, the guest's secret token (shown once; only its hash is kept) and
 * its line ids in the order of {@link NewOrder#lines()} (what checkout books a service line's slot for).
 */
public record PlacedOrder(UUID id, long number, String token, java.util.List<UUID> lineIds) {

    public PlacedOrder {
        lineIds = java.util.List.copyOf(lineIds);
    }
}
