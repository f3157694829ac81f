package io.shopgraph.checkout.domain.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The pricing function's answer, in integer minor units of one currency. Invariants (checked by property tests):
 * {@code total = subtotal - discount + shipping + tax} where prices exclude tax, and
 * {@code total = subtotal - discount + shipping} where they include it ({@code taxesIncluded}); {@code discount}
 * is the lines' discounts plus {@code shippingDiscountMinor}; the lines' subtotals, discounts and taxes, and the
 * delivery's tax, sum to the cart's. The order keeps this record as its price snapshot.
 *
 * @param taxLines the tax by rate, lines and shipping together
 * @param discountApplications each discount that applied, with its whole amount
 * @param discountCodes each code the cart carries, in entry order, with whether (and why not) it applied
 * @param delivery the priced delivery option, or null
 */
public record PricedCart(String currencyCode, long subtotalMinor, long discountMinor, long shippingMinor, long taxMinor,
        long totalMinor, List<Line> lines, boolean taxesIncluded, long shippingDiscountMinor, List<TaxLine> taxLines,
        List<DiscountApplication> discountApplications, List<CodeResult> discountCodes, PricedDelivery delivery) {

    public PricedCart {
        lines = List.copyOf(lines);
        taxLines = List.copyOf(taxLines);
        discountApplications = List.copyOf(discountApplications);
        discountCodes = List.copyOf(discountCodes);
    }

    /** One priced line. {@code total = subtotal - discount} (tax included in it only where prices include tax). */
    public record Line(UUID lineId, int quantity, long unitPriceMinor, long subtotalMinor, long discountMinor,
            long totalMinor, long taxMinor, List<Allocation> discountAllocations, List<TaxLine> taxLines) {

        public Line {
            discountAllocations = List.copyOf(discountAllocations);
            taxLines = List.copyOf(taxLines);
        }
    }

    /** The tax of one rate. */
    public record TaxLine(String title, BigDecimal rate, long amountMinor) {
    }

    /** The share of one discount on a line. */
    public record Allocation(UUID discountId, String code, String title, long amountMinor) {
    }

    /** One discount that applied, and what it took off in all. */
    public record DiscountApplication(UUID discountId, String code, String title, DiscountClass discountClass, long amountMinor) {
    }

    /** A code on the cart and its outcome (APPLIED or why not). */
    public record CodeResult(String code, DiscountOutcome outcome) {

        public boolean applicable() {
            return outcome == DiscountOutcome.APPLIED;
        }
    }

    /** The chosen delivery option, priced: {@code priceMinor} before its discount, {@code taxMinor} its tax. */
    public record PricedDelivery(String handle, String title, long priceMinor, long discountMinor, long taxMinor) {
    }
}
