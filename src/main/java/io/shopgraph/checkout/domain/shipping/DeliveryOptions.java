package io.shopgraph.checkout.domain.shipping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which delivery options a cart has: pure, so the cart's options and checkout's are the same. */
public final class DeliveryOptions {

    /** One option: {@code handle} is the rate's id; the price already accounts for "free above". */
    public record Option(String handle, String title, long priceMinor, boolean taxable, boolean pickup, Integer minDays, Integer maxDays) {
    }

    private DeliveryOptions() {
    }

    /**
     * The rates of the most specific zone matching the address (region over country; ties: the zone listed first)
     * whose conditions the shippable subtotal meets, then every pickup rate of any zone; cheapest first. A cart with
     * nothing to ship has no options at all.
     */
    public static List<Option> available(List<ShippingZone> zones, String country, String region, long shippableSubtotal, boolean anyShippable) {
        return available(zones, country, region, shippableSubtotal, 0, anyShippable);
    }

    /** As above, with the shippable weight in grams for WEIGHT rates (their range [min, max)). */
    public static List<Option> available(List<ShippingZone> zones, String country, String region, long shippableSubtotal,
            long shippableWeightGrams, boolean anyShippable) {
        if (!anyShippable) {
            return List.of();
        }
        ShippingZone best = null;
        int bestMatch = 0;
        for (ShippingZone zone : zones) {
            int m = zone.match(country, region);
            if (m > bestMatch) {
                best = zone;
                bestMatch = m;
            }
        }
        List<Option> options = new ArrayList<>();
        if (best != null) {
            for (ShippingZone.Rate rate : best.rates()) {
                if (rate.kind() != ShippingZone.Kind.PICKUP && fits(rate, shippableSubtotal, shippableWeightGrams)) {
                    options.add(option(rate, best.taxesShipping(), shippableSubtotal));
                }
            }
        }
        for (ShippingZone zone : zones) {
            for (ShippingZone.Rate rate : zone.rates()) {
                if (rate.kind() == ShippingZone.Kind.PICKUP) {
                    options.add(option(rate, zone.taxesShipping(), shippableSubtotal));
                }
            }
        }
        options.sort(Comparator.comparingLong(Option::priceMinor).thenComparing(Option::title));
        return List.copyOf(options);
    }

    private static boolean fits(ShippingZone.Rate rate, long subtotal, long weightGrams) {
        return switch (rate.kind()) {
            case SUBTOTAL -> (rate.minSubtotal() == null || subtotal >= rate.minSubtotal())
                    && (rate.maxSubtotal() == null || subtotal < rate.maxSubtotal());
            case WEIGHT -> (rate.minWeightGrams() == null || weightGrams >= rate.minWeightGrams())
                    && (rate.maxWeightGrams() == null || weightGrams < rate.maxWeightGrams());
            default -> true;
        };
    }

    private static Option option(ShippingZone.Rate rate, boolean taxable, long subtotal) {
        long price = rate.freeAboveMinor() != null && subtotal >= rate.freeAboveMinor() ? 0 : rate.priceMinor();
        return new Option(rate.id().toString(), rate.title(), price, taxable, rate.kind() == ShippingZone.Kind.PICKUP, rate.minDays(),
                rate.maxDays());
    }
}
