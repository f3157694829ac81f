package io.shopgraph.orders.api;

import java.util.List;
import java.util.UUID;

/**
 * An order to place, as checkout snapshots it: amounts in minor units of {@code currencyCode},
 * {@code pricingJson} the pricing function's whole answer (kept as the order's price snapshot). Orders sets
 * how long its stock stays reserved unpaid (shopgraph.orders.reservation-window). {@code depositMinor}, when not null,
 * is the part of the total the first payment asks (checkout's payment plan): the stock commits once it is paid, and
 * the merchant requests the rest later.
 */
public record NewOrder(UUID id, UUID cartId, UUID sessionId, UUID customerId, String email, String currencyCode,
        long subtotalMinor, long discountMinor, long shippingMinor, long taxMinor, long totalMinor, String pricingJson,
        String shippingAddressJson, List<Line> lines, Long depositMinor) {

    public NewOrder {
        lines = List.copyOf(lines);
        if (depositMinor != null && (depositMinor < 0 || depositMinor >= totalMinor)) {
            throw new IllegalArgumentException("a deposit is less than the total");
        }
    }

    /** An order paid in full by its first payment. */
    public NewOrder(UUID id, UUID cartId, UUID sessionId, UUID customerId, String email, String currencyCode,
            long subtotalMinor, long discountMinor, long shippingMinor, long taxMinor, long totalMinor, String pricingJson,
            String shippingAddressJson, List<Line> lines) {
        this(id, cartId, sessionId, customerId, email, currencyCode, subtotalMinor, discountMinor, shippingMinor, taxMinor, totalMinor,
                pricingJson, shippingAddressJson, lines, null);
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
