package io.shopgraph.orders.api.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/**
 * An order was placed (checkout completed; payment may still be pending). Carries what analytics and
 * webhook receivers need without reading the order: the cart and shopper session it came from (null when
 * unknown), its lines and amounts in minor units of {@code currencyCode}.
 */
@RegisterForReflection
public record OrderPlaced(UUID orderId, long orderNumber, UUID cartId, UUID sessionId, UUID customerId, String currencyCode,
        long subtotalMinor, long discountMinor, long shippingMinor, long taxMinor, long totalMinor, List<Line> lines,
        Instant placedAt) implements DomainEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    @Override
    public UUID aggregateId() {
        return orderId;
    }

    /** One ordered line. */
    @RegisterForReflection
    public record Line(UUID variantId, UUID productId, int quantity, long totalMinor) {
    }
}
