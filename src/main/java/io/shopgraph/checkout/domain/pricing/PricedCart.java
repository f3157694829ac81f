package io.shopgraph.checkout.domain.pricing;

import java.util.List;
import java.util.UUID;

/**
 * The pricing function's answer, in integer minor units of one currency. Invariant:
 * {@code total = subtotal - discount + shipping + tax} (tax added only where prices exclude it), and the
 * lines' amounts sum to the cart's. The order keeps this record as its price snapshot.
 */
public record PricedCart(String currencyCode, long subtotalMinor, long discountMinor, long shippingMinor, long taxMinor,
        long totalMinor, List<Line> lines) {

    public PricedCart {
        lines = List.copyOf(lines);
    }

    /** One priced line. */
    public record Line(UUID lineId, int quantity, long unitPriceMinor, long subtotalMinor, long discountMinor,
            long totalMinor) {
    }
}
