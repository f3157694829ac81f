package io.shopgraph.checkout.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shopgraph.checkout.domain.shipping.DeliveryOptions;
import io.shopgraph.checkout.domain.shipping.DeliveryOptions.Option;
import io.shopgraph.checkout.domain.shipping.ShippingZone;
import io.shopgraph.checkout.domain.shipping.ShippingZone.Kind;
import io.shopgraph.checkout.domain.shipping.ShippingZone.Rate;

class DeliveryOptionsTest {

    private static Rate rate(String title, Kind kind, long price, Long min, Long max, Long freeAbove) {
        return new Rate(UUID.nameUUIDFromBytes(title.getBytes()), title, kind, price, min, max, freeAbove, 1, 3);
    }

    private static final ShippingZone FRANCE = new ShippingZone(UUID.randomUUID(), "France", Set.of("FR"), Set.of(), true, List.of(
            rate("Standard", Kind.FLAT, 500, null, null, 5000L), rate("Small orders", Kind.SUBTOTAL, 300, null, 2000L, null),
            rate("Shop pickup", Kind.PICKUP, 0, null, null, null)));
    private static final ShippingZone CORSICA = new ShippingZone(UUID.randomUUID(), "Corsica", Set.of("FR"), Set.of("FR-20R"), false,
            List.of(rate("Island", Kind.FLAT, 1500, null, null, null)));

    private static List<String> titles(List<Option> options) {
        return options.stream().map(o -> o.title() + "=" + o.priceMinor()).toList();
    }

    @Test
    void theCountryZoneRatesThatFitThenPickupCheapestFirst() {
        assertThat(titles(DeliveryOptions.available(List.of(FRANCE, CORSICA), "FR", null, 1000, true)))
                .containsExactly("Shop pickup=0", "Small orders=300", "Standard=500");
        assertThat(titles(DeliveryOptions.available(List.of(FRANCE, CORSICA), "FR", null, 3000, true)))
                .containsExactly("Shop pickup=0", "Standard=500");
        assertThat(titles(DeliveryOptions.available(List.of(FRANCE, CORSICA), "FR", null, 5000, true)))
                .as("free above 50.00").containsExactly("Shop pickup=0", "Standard=0");
    }

    @Test
    void theRegionZoneWinsOverTheCountryZone() {
        assertThat(titles(DeliveryOptions.available(List.of(FRANCE, CORSICA), "FR", "20R", 1000, true)))
                .containsExactly("Shop pickup=0", "Island=1500");
    }

    @Test
    void noZoneLeavesPickupAndNothingToShipLeavesNothing() {
        assertThat(titles(DeliveryOptions.available(List.of(FRANCE), "DE", null, 1000, true))).containsExactly("Shop pickup=0");
        assertThat(DeliveryOptions.available(List.of(FRANCE), "FR", null, 1000, false)).isEmpty();
    }

    @Test
    void weightRatesApplyInTheirRangeMinIncludedMaxExcluded() {
        ShippingZone germany = new ShippingZone(UUID.randomUUID(), "Germany", Set.of("DE"), Set.of(), false, List.of(
                new Rate(UUID.nameUUIDFromBytes("light".getBytes()), "Light", Kind.WEIGHT, 400, null, null, null, 1, 2, null, 1000L),
                new Rate(UUID.nameUUIDFromBytes("heavy".getBytes()), "Heavy", Kind.WEIGHT, 900, null, null, 20000L, 1, 2, 1000L, null)));
        assertThat(titles(DeliveryOptions.available(List.of(germany), "DE", null, 5000, 999, true))).containsExactly("Light=400");
        assertThat(titles(DeliveryOptions.available(List.of(germany), "DE", null, 5000, 1000, true))).containsExactly("Heavy=900");
        assertThat(titles(DeliveryOptions.available(List.of(germany), "DE", null, 20000, 1000, true))).as("free above 200.00")
                .containsExactly("Heavy=0");
        assertThat(titles(DeliveryOptions.available(List.of(germany), "DE", null, 5000, true))).as("nothing weighed: 0 g")
                .containsExactly("Light=400");
    }
}
