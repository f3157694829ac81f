package io.shopgraph.orders.api;

import java.util.List;
import java.util.UUID;

/**
 * An order to place, as checkout snapshots it: amounts in minor units of {@code currencyCode},
 * {@code pricingJson} the pricing function's whole answer (kept as the order's price snapshot). Orders sets
 * how long its stock stays reserved unpaid (shopgraph.orders.reservation-window).
 */
public record NewOrder(UUID id, UUID cartId, UUID sessionId, UUID customerId, String email, String currencyCode,
        long subtotalMinor, long discountMinor, long shippingMinor, long taxMinor, long totalMinor, String pricingJson,
        String shippingAddressJson, List<Line> lines) {

    public NewOrder {
        lines = List.copyOf(lines);
    }

    /** One line; {@code attributeKeys}/{@code attributeValues} are the line's attributes in order. */
    public record Line(UUID variantId, UUID productId, String title, String variantTitle, int quantity, long unitPriceMinor,
            long subtotalMinor, long discountMinor, long totalMinor, boolean requiresShipping, List<String> attributeKeys,
            List<String> attributeValues) {

        public Line {
            attributeKeys = List.copyOf(attributeKeys);
            attributeValues = List.copyOf(attributeValues);
        }
    }
}
