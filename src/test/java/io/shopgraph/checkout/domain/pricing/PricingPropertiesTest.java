package io.shopgraph.checkout.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link Pricing#price} over random carts, discounts, deliveries and tax rates (jqwik). */
class PricingPropertiesTest {

    private static final List<UUID> PRODUCTS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final List<UUID> COLLECTIONS = List.of(UUID.randomUUID(), UUID.randomUUID());

    @Property(tries = 500)
    void totalIsSubtotalMinusDiscountsPlusShippingPlusTax(@ForAll("inputs") PricingInput input) {
        PricedCart p = Pricing.price(input);
        long tax = p.taxesIncluded() ? 0 : p.taxMinor();
        assertThat(p.totalMinor()).isEqualTo(p.subtotalMinor() - p.discountMinor() + p.shippingMinor() + tax);
    }

    @Property(tries = 500)
    void linesSumToTheCartExactly(@ForAll("inputs") PricingInput input) {
        PricedCart p = Pricing.price(input);
        assertThat(p.lines().stream().mapToLong(PricedCart.Line::subtotalMinor).sum()).isEqualTo(p.subtotalMinor());
        assertThat(p.lines().stream().mapToLong(PricedCart.Line::discountMinor).sum() + p.shippingDiscountMinor()).isEqualTo(p.discountMinor());
        long deliveryTax = p.delivery() == null ? 0 : p.delivery().taxMinor();
        assertThat(p.lines().stream().mapToLong(PricedCart.Line::taxMinor).sum() + deliveryTax).isEqualTo(p.taxMinor());
        assertThat(p.taxLines().stream().mapToLong(PricedCart.TaxLine::amountMinor).sum()).isEqualTo(p.taxMinor());
        for (PricedCart.Line line : p.lines()) {
            assertThat(line.discountAllocations().stream().mapToLong(PricedCart.Allocation::amountMinor).sum()).isEqualTo(line.discountMinor());
            assertThat(line.totalMinor()).isEqualTo(line.subtotalMinor() - line.discountMinor());
        }
        // Each discount's whole amount is what its allocations (or the shipping discount) add up to.
        for (PricedCart.DiscountApplication a : p.discountApplications()) {
            long allocated = a.discountClass() == DiscountClass.SHIPPING ? 0
                    : p.lines().stream().flatMap(l -> l.discountAllocations().stream()).filter(x -> x.discountId().equals(a.discountId()))
                            .mapToLong(PricedCart.Allocation::amountMinor).sum();
            assertThat(a.discountClass() == DiscountClass.SHIPPING ? a.amountMinor() <= p.shippingMinor() : allocated == a.amountMinor()).isTrue();
        }
    }

    @Property(tries = 500)
    void nothingIsNegative(@ForAll("inputs") PricingInput input) {
        PricedCart p = Pricing.price(input);
        assertThat(p.totalMinor()).isNotNegative();
        assertThat(p.shippingDiscountMinor()).isBetween(0L, p.shippingMinor());
        for (PricedCart.Line line : p.lines()) {
            assertThat(line.totalMinor()).isNotNegative();
            assertThat(line.discountMinor()).isNotNegative();
            assertThat(line.taxMinor()).isNotNegative();
            line.discountAllocations().forEach(a -> assertThat(a.amountMinor()).isPositive());
        }
    }

    @Property(tries = 300)
    void applyingAndRemovingACodeRestoresTheCost(@ForAll("inputs") PricingInput input, @ForAll("discounts") Discount extra) {
        Discount code = new Discount(extra.id(), "EXTRA", "Extra", extra.kind(), extra.value(), extra.eachItem(), extra.productIds(),
                extra.variantIds(), extra.collectionIds(), extra.minimumSubtotalMinor(), extra.minimumQuantity(), extra.buyQuantity(),
                extra.getQuantity(), extra.combinesWith());
        List<Discount> withCode = new ArrayList<>(input.discounts());
        withCode.add(code);
        List<String> codes = new ArrayList<>(input.codes());
        codes.add("EXTRA");
        PricingInput applied = new PricingInput(input.currencyCode(), input.lines(), withCode, input.delivery(), input.taxRates(),
                input.taxesIncluded(), codes, input.codesRefused());
        PricedCart before = Pricing.price(input);
        PricedCart during = Pricing.price(applied);
        assertThat(during.totalMinor()).isLessThanOrEqualTo(before.totalMinor());
        assertThat(Pricing.price(input)).isEqualTo(before);
    }

    @Property(tries = 300)
    void allocationSplitsExactlyWithinEachWeight(@ForAll("weights") long[] weights, @ForAll("fractions") double fraction) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        long amount = (long) Math.floor(sum * fraction);
        long[] shares = Pricing.allocate(amount, weights);
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            assertThat(shares[i]).isBetween(0L, weights[i]);
            total += shares[i];
        }
        assertThat(total).isEqualTo(Math.max(0, amount));
    }

    @Provide
    Arbitrary<long[]> weights() {
        return Arbitraries.longs().between(0, 1_000_000).array(long[].class).ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<PricingInput> inputs() {
        Arbitrary<List<PricingInput.Line>> lines = line().list().ofMaxSize(6);
        Arbitrary<List<Discount>> discounts = discounts().list().ofMaxSize(3);
        Arbitrary<Delivery> delivery = Combinators.combine(Arbitraries.longs().between(0, 5_000), Arbitraries.of(true, false))
                .as((price, taxable) -> new Delivery("rate", "Rate", price, taxable)).injectNull(0.3);
        Arbitrary<List<TaxRate>> rates = Arbitraries.integers().between(0, 27_000)
                .map(micro -> new TaxRate("T" + micro, BigDecimal.valueOf(micro, 5))).list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of("EUR", "JPY", "KWD", "USD"), lines, discounts, delivery, rates, Arbitraries.of(true, false))
                .as((currency, ls, ds, dl, rs, included) -> new PricingInput(currency, ls, ds, dl, rs, included,
                        ds.stream().filter(d -> d.code() != null).map(Discount::code).toList(), Map.of()));
    }

    private Arbitrary<PricingInput.Line> line() {
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.longs().between(0, 200_000),
                Arbitraries.of(PRODUCTS), Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.subsetOf(COLLECTIONS))
                .as((qty, price, product, ship, taxable, collections) -> new PricingInput.Line(UUID.randomUUID(), UUID.randomUUID(),
                        product, qty, price, ship, taxable, collections));
    }

    @Provide
    Arbitrary<Discount> discounts() {
        Arbitrary<DiscountKind> kind = Arbitraries.of(DiscountKind.class);
        Arbitrary<Long> value = Arbitraries.longs().between(0, 10_000);
        Arbitrary<Set<UUID>> products = Arbitraries.subsetOf(PRODUCTS).injectDuplicates(0).map(Set::copyOf);
        Arbitrary<Set<UUID>> collections = Arbitraries.subsetOf(COLLECTIONS);
        Arbitrary<Set<DiscountClass>> combines = Arbitraries.subsetOf(DiscountClass.values())
                .map(s -> s.isEmpty() ? EnumSet.noneOf(DiscountClass.class) : EnumSet.copyOf(s));
        Arbitrary<Boolean> each = Arbitraries.of(true, false);
        Arbitrary<Long> minimum = Arbitraries.longs().between(0, 50_000).injectDuplicates(0.5);
        Arbitrary<Integer> buy = Arbitraries.integers().between(1, 3);
        return Combinators.combine(kind, value, products, collections, combines, each, minimum, buy)
                .as((k, v, p, c, cw, e, min, b) -> new Discount(UUID.randomUUID(), "C" + Math.abs(v * 31 + b), "D", k, v, e, p, Set.of(), c,
                        min % 3 == 0 ? min : 0, 0, b, 1, cw));
    }
}
