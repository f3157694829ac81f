package io.shopgraph.checkout.domain.pricing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the pricing function needs, gathered before it runs: it reads nothing itself, so the cart, the
 * checkout and the order snapshot get the same answer from the same input.
 *
 * @param discounts automatic discounts first, then the cart's codes in the order they were entered: the order
 *        in which combinability is decided (a later one that cannot combine with an earlier one is left out)
 * @param delivery the chosen delivery option, or null (none chosen, or nothing to ship)
 * @param taxRates the rates at the destination (or the store's default); empty = no tax
 * @param taxesIncluded whether the store's prices already include tax
 * @param codes the cart's codes (upper case) in entry order, for the answer's {@code discountCodes}
 * @param codesRefused codes refused before pricing (unknown, expired, not yet active, used up), with why;
 *        the codes of {@code discounts} are decided by pricing
 */
public record PricingInput(String currencyCode, List<Line> lines, List<Discount> discounts, Delivery delivery,
        List<TaxRate> taxRates, boolean taxesIncluded, List<String> codes, Map<String, DiscountOutcome> codesRefused) {

    public PricingInput {
        lines = List.copyOf(lines);
        discounts = List.copyOf(discounts);
        taxRates = List.copyOf(taxRates);
        codes = List.copyOf(codes);
        codesRefused = Map.copyOf(codesRefused);
    }

    /** Lines only: no discounts, delivery or tax. */
    public PricingInput(String currencyCode, List<Line> lines) {
        this(currencyCode, lines, List.of(), null, List.of(), false, List.of(), Map.of());
    }

    /** One cart line as pricing sees it: the unit price is the one the shopper saw (kept on the line). */
    public record Line(UUID lineId, UUID variantId, UUID productId, int quantity, long unitPriceMinor,
            boolean requiresShipping, boolean taxable, Set<UUID> collectionIds) {

        public Line {
            if (quantity < 1 || unitPriceMinor < 0) {
                throw new IllegalArgumentException("a line needs a positive quantity and a non-negative price");
            }
            collectionIds = Set.copyOf(collectionIds);
        }

        /** A taxable line in no collection. */
        public Line(UUID lineId, UUID variantId, UUID productId, int quantity, long unitPriceMinor, boolean requiresShipping) {
            this(lineId, variantId, productId, quantity, unitPriceMinor, requiresShipping, true, Set.of());
        }
    }
}
