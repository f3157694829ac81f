package io.shopgraph.checkout.domain.pricing;

import java.util.List;
import java.util.UUID;

/**
 * Everything the pricing function needs, gathered before it runs: it reads nothing itself, so the cart, the
 * checkout and the order snapshot get the same answer from the same input. Later inputs (discounts, the
 * chosen delivery rate, tax rates) are added as components after these.
 */
public record PricingInput(String currencyCode, List<Line> lines) {

    public PricingInput {
        lines = List.copyOf(lines);
    }

    /** One cart line as pricing sees it: the unit price is the one the shopper saw (kept on the line). */
    public record Line(UUID lineId, UUID variantId, UUID productId, int quantity, long unitPriceMinor,
            boolean requiresShipping) {
    }
}
