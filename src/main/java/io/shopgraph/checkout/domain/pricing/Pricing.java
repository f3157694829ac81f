package io.shopgraph.checkout.domain.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopgraph.checkout.domain.pricing.PricedCart.Allocation;
import io.shopgraph.checkout.domain.pricing.PricedCart.CodeResult;
import io.shopgraph.checkout.domain.pricing.PricedCart.DiscountApplication;
import io.shopgraph.checkout.domain.pricing.PricedCart.PricedDelivery;
import io.shopgraph.checkout.domain.pricing.PricedCart.TaxLine;

/**
 * The one pricing function: pure, deterministic, no I/O. The cart's cost, checkout completion and the
 * order's snapshot all call it with the same input and so agree to the cent.
 *
 * <p>Order of operations (docs/pricing.md has the worked examples):
 * <ol>
 * <li>line subtotals = unit price x quantity;</li>
 * <li>which discounts apply: each in input order must target a line, meet its minimum (on the eligible lines
 * before any discount) and combine with every discount accepted before it;</li>
 * <li>product discounts, then order discounts, each on what is left of its eligible lines; an amount computed
 * for several lines is allocated in proportion to what is left of each, remainder cents by largest remainder
 * (ties to the earlier line); no line goes below zero;</li>
 * <li>shipping discounts on the chosen delivery's price;</li>
 * <li>tax per line and per rate on the discounted amount, half-up to the minor unit (extracted from it where
 * prices include tax), and on the discounted shipping where the zone taxes shipping.</li>
 * </ol>
 */
public final class Pricing {

    private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);

    private Pricing() {
    }

    public static PricedCart price(PricingInput input) {
        List<PricingInput.Line> lines = input.lines();
        int n = lines.size();
        long[] subtotal = new long[n];
        long[] left = new long[n];
        List<List<Allocation>> allocations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            subtotal[i] = Math.multiplyExact(lines.get(i).unitPriceMinor(), (long) lines.get(i).quantity());
            left[i] = subtotal[i];
            allocations.add(new ArrayList<>());
        }

        // Which discounts apply, decided in input order.
        Map<UUID, DiscountOutcome> outcomes = new HashMap<>();
        List<Discount> accepted = new ArrayList<>();
        for (Discount d : input.discounts()) {
            DiscountOutcome outcome = eligibility(d, input, subtotal);
            if (outcome == DiscountOutcome.APPLIED && accepted.stream().anyMatch(a -> !a.combinesWith(d))) {
                outcome = DiscountOutcome.NOT_COMBINABLE;
            }
            outcomes.put(d.id(), outcome);
            if (outcome == DiscountOutcome.APPLIED) {
                accepted.add(d);
            }
        }

        Map<UUID, Long> applied = new LinkedHashMap<>();
        long shippingPrice = input.delivery() == null ? 0 : input.delivery().priceMinor();
        long shippingDiscount = 0;
        for (DiscountClass phase : DiscountClass.values()) {
            for (Discount d : accepted) {
                if (d.discountClass() != phase) {
                    continue;
                }
                long amount;
                if (phase == DiscountClass.SHIPPING) {
                    amount = shippingPrice - shippingDiscount;
                    shippingDiscount += amount;
                } else {
                    long[] shares = lineAmounts(d, lines, left);
                    amount = 0;
                    for (int i = 0; i < n; i++) {
                        if (shares[i] > 0) {
                            left[i] -= shares[i];
                            amount += shares[i];
                            allocations.get(i).add(new Allocation(d.id(), d.code(), d.title(), shares[i]));
                        }
                    }
                }
                applied.put(d.id(), amount);
            }
        }

        // Tax, per line and per rate, then on shipping.
        BigDecimal totalRate = input.taxRates().stream().map(TaxRate::rate).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<TaxRate, Long> taxByRate = new LinkedHashMap<>();
        input.taxRates().forEach(r -> taxByRate.put(r, 0L));
        List<PricedCart.Line> priced = new ArrayList<>();
        long subtotalSum = 0;
        long lineDiscounts = 0;
        long tax = 0;
        for (int i = 0; i < n; i++) {
            PricingInput.Line line = lines.get(i);
            List<TaxLine> lineTax = line.taxable() ? tax(left[i], input.taxRates(), totalRate, input.taxesIncluded(), taxByRate) : List.of();
            long lineTaxSum = lineTax.stream().mapToLong(TaxLine::amountMinor).sum();
            long discount = subtotal[i] - left[i];
            subtotalSum = Math.addExact(subtotalSum, subtotal[i]);
            lineDiscounts += discount;
            tax += lineTaxSum;
            priced.add(new PricedCart.Line(line.lineId(), line.quantity(), line.unitPriceMinor(), subtotal[i], discount, left[i],
                    lineTaxSum, allocations.get(i), lineTax));
        }
        PricedDelivery delivery = null;
        if (input.delivery() != null) {
            long shippingTax = input.delivery().taxable()
                    ? tax(shippingPrice - shippingDiscount, input.taxRates(), totalRate, input.taxesIncluded(), taxByRate)
                            .stream().mapToLong(TaxLine::amountMinor).sum()
                    : 0;
            tax += shippingTax;
            delivery = new PricedDelivery(input.delivery().handle(), input.delivery().title(), shippingPrice, shippingDiscount, shippingTax);
        }

        long discount = lineDiscounts + shippingDiscount;
        long total = subtotalSum - discount + shippingPrice + (input.taxesIncluded() ? 0 : tax);
        List<TaxLine> taxLines = taxByRate.entrySet().stream()
                .map(e -> new TaxLine(e.getKey().title(), e.getKey().rate(), e.getValue())).toList();
        List<DiscountApplication> applications = accepted.stream()
                .map(d -> new DiscountApplication(d.id(), d.code(), d.title(), d.discountClass(), applied.getOrDefault(d.id(), 0L))).toList();
        return new PricedCart(input.currencyCode(), subtotalSum, discount, shippingPrice, tax, total, priced, input.taxesIncluded(),
                shippingDiscount, taxLines, applications, codeResults(input, outcomes), delivery);
    }

    /** Whether a discount applies to this cart, from the cart alone (before combinability). */
    static DiscountOutcome eligibility(Discount d, PricingInput input, long[] subtotal) {
        long eligibleSubtotal = 0;
        long eligibleQuantity = 0;
        boolean any = false;
        for (int i = 0; i < input.lines().size(); i++) {
            PricingInput.Line line = input.lines().get(i);
            if (d.targets(line) && (d.kind() != DiscountKind.FREE_SHIPPING || line.requiresShipping())) {
                any = true;
                eligibleSubtotal += subtotal[i];
                eligibleQuantity += line.quantity();
            }
        }
        if (!any) {
            return DiscountOutcome.NOT_APPLICABLE;
        }
        if (eligibleSubtotal < d.minimumSubtotalMinor() || eligibleQuantity < d.minimumQuantity()) {
            return DiscountOutcome.MINIMUM_NOT_MET;
        }
        if (d.kind() == DiscountKind.BUY_X_GET_Y && eligibleQuantity < (long) d.buyQuantity() + d.getQuantity()) {
            return DiscountOutcome.MINIMUM_NOT_MET;
        }
        return DiscountOutcome.APPLIED;
    }

    /** What a product or order discount takes off each line, never more than is left of it. */
    private static long[] lineAmounts(Discount d, List<PricingInput.Line> lines, long[] left) {
        int n = lines.size();
        long[] weights = new long[n];
        long eligibleLeft = 0;
        for (int i = 0; i < n; i++) {
            if (d.targets(lines.get(i))) {
                weights[i] = left[i];
                eligibleLeft += left[i];
            }
        }
        return switch (d.kind()) {
            case PERCENTAGE -> allocate(halfUp(BigDecimal.valueOf(eligibleLeft).multiply(BigDecimal.valueOf(d.value())).divide(BASIS)), weights);
            case FIXED_AMOUNT -> {
                if (!d.eachItem()) {
                    yield allocate(Math.min(d.value(), eligibleLeft), weights);
                }
                long[] shares = new long[n];
                for (int i = 0; i < n; i++) {
                    if (d.targets(lines.get(i))) {
                        shares[i] = Math.min(left[i], Math.multiplyExact(d.value(), (long) lines.get(i).quantity()));
                    }
                }
                yield shares;
            }
            case BUY_X_GET_Y -> buyXGetY(d, lines, left);
            case FREE_SHIPPING -> new long[n];
        };
    }

    /**
     * Every complete group of X + Y eligible units earns Y discounted units; the cheapest eligible units are
     * the discounted ones (ties to the later line, so the first line a shopper added keeps its full price).
     */
    private static long[] buyXGetY(Discount d, List<PricingInput.Line> lines, long[] left) {
        int n = lines.size();
        long units = 0;
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (d.targets(lines.get(i))) {
                eligible.add(i);
                units += lines.get(i).quantity();
            }
        }
        long free = units / ((long) d.buyQuantity() + d.getQuantity()) * d.getQuantity();
        eligible.sort(Comparator.comparingLong((Integer i) -> lines.get(i).unitPriceMinor()).thenComparing(Comparator.reverseOrder()));
        long[] shares = new long[n];
        for (int i : eligible) {
            if (free == 0) {
                break;
            }
            long take = Math.min(free, lines.get(i).quantity());
            free -= take;
            long amount = halfUp(BigDecimal.valueOf(lines.get(i).unitPriceMinor()).multiply(BigDecimal.valueOf(take))
                    .multiply(BigDecimal.valueOf(d.value())).divide(BASIS));
            shares[i] = Math.min(left[i], amount);
        }
        return shares;
    }

    /**
     * Splits {@code amount} over the lines in proportion to {@code weights}: each gets the floor of its exact
     * share, and the remaining cents go one each to the largest fractional parts, ties to the earlier line.
     * The shares sum to {@code amount} exactly and none exceeds its weight (requires amount <= sum of weights).
     */
    static long[] allocate(long amount, long[] weights) {
        int n = weights.length;
        long[] shares = new long[n];
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            total = total.add(BigInteger.valueOf(w));
        }
        if (amount <= 0 || total.signum() == 0) {
            return shares;
        }
        BigInteger a = BigInteger.valueOf(amount);
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = a.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((x, y) -> {
            int byRemainder = remainders[y].compareTo(remainders[x]);
            return byRemainder != 0 ? byRemainder : Integer.compare(x, y);
        });
        for (int k = 0; given < amount; k++) {
            shares[order.get(k)]++;
            given++;
        }
        return shares;
    }

    /** The tax of one amount for each rate, half-up per rate; added to the per-rate totals. */
    private static List<TaxLine> tax(long amount, List<TaxRate> rates, BigDecimal totalRate, boolean included, Map<TaxRate, Long> byRate) {
        if (rates.isEmpty()) {
            return List.of();
        }
        List<TaxLine> taxLines = new ArrayList<>(rates.size());
        BigDecimal base = BigDecimal.valueOf(amount);
        for (TaxRate rate : rates) {
            // Included: the tax in a gross amount g at rates r1..rn is g * ri / (1 + r1 + ... + rn).
            BigDecimal exact = included
                    ? base.multiply(rate.rate()).divide(BigDecimal.ONE.add(totalRate), 12, RoundingMode.HALF_UP)
                    : base.multiply(rate.rate());
            long t = halfUp(exact);
            byRate.merge(rate, t, Long::sum);
            taxLines.add(new TaxLine(rate.title(), rate.rate(), t));
        }
        return taxLines;
    }

    private static long halfUp(BigDecimal exact) {
        return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static List<CodeResult> codeResults(PricingInput input, Map<UUID, DiscountOutcome> outcomes) {
        Map<String, DiscountOutcome> byCode = new HashMap<>(input.codesRefused());
        for (Discount d : input.discounts()) {
            if (d.code() != null) {
                byCode.put(d.code(), outcomes.get(d.id()));
            }
        }
        return input.codes().stream().map(c -> new CodeResult(c, byCode.getOrDefault(c, DiscountOutcome.NOT_FOUND))).toList();
    }
}
