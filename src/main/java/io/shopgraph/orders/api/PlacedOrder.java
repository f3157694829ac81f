package io.shopgraph.orders.api;

import java.util.UUID;

/** A placed order: its id, its per-store number and the guest's secret token (shown once; only its hash is kept). */
public record PlacedOrder(UUID id, long number, String token) {
}
