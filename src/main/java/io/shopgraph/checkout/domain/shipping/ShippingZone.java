package io.shopgraph.checkout.domain.shipping;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A shipping zone: the countries it covers (and optionally only some regions, as "CC-RRR"), whether its shipping is
 * taxed, and its rates.
 */
public record ShippingZone(UUID id, String name, Set<String> countries, Set<String> regions, boolean taxesShipping, List<Rate> rates) {

    public ShippingZone {
        countries = Set.copyOf(countries);
        regions = Set.copyOf(regions);
        rates = List.copyOf(rates);
    }

    @org.eclipse.microprofile.graphql.Enum("ShippingRateKind")
    @org.eclipse.microprofile.graphql.Description("How a shipping rate is priced.")
    public enum Kind {
        @org.eclipse.microprofile.graphql.Description("One price.")
        FLAT,
        @org.eclipse.microprofile.graphql.Description("One price for a range of the shippable subtotal.")
        SUBTOTAL,
        @org.eclipse.microprofile.graphql.Description("One price for a range of the shippable weight (the variants' weights times quantities; a variant without a weight weighs nothing).")
        WEIGHT,
        @org.eclipse.microprofile.graphql.Description("Local pickup: offered whatever the address.")
        PICKUP
    }

    /**
     * A rate: a flat price, a price for a subtotal range [min, max) or a weight range [min, max) in grams, or local
     * pickup; free from {@code freeAboveMinor}.
     */
    public record Rate(UUID id, String title, Kind kind, long priceMinor, Long minSubtotal, Long maxSubtotal, Long freeAboveMinor,
            Integer minDays, Integer maxDays, Long minWeightGrams, Long maxWeightGrams) {

        public Rate(UUID id, String title, Kind kind, long priceMinor, Long minSubtotal, Long maxSubtotal, Long freeAboveMinor,
                Integer minDays, Integer maxDays) {
            this(id, title, kind, priceMinor, minSubtotal, maxSubtotal, freeAboveMinor, minDays, maxDays, null, null);
        }
    }

    /** Whether any rate is priced by weight: only then does pricing need the lines' weights. */
    public boolean pricesByWeight() {
        return rates.stream().anyMatch(r -> r.kind() == Kind.WEIGHT);
    }

    /** How specific a match this zone is for the address: 2 region, 1 country, 0 none. */
    int match(String country, String region) {
        if (country == null || !countries.contains(country)) {
            return 0;
        }
        if (regions.isEmpty()) {
            return 1;
        }
        return region != null && regions.contains(country + "-" + region) ? 2 : 0;
    }
}
