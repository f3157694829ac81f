package io.shopgraph.checkout.application.shipping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.checkout.domain.shipping.ShippingZone;
import io.shopgraph.checkout.domain.shipping.ShippingZone.Kind;
import io.shopgraph.checkout.domain.shipping.ShippingZone.Rate;
import io.shopgraph.checkout.domain.tax.TaxRateErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.UnionRead;
import io.shopgraph.platform.tenancy.TenantContext;

/** The store's shipping zones with their rates: read as a part of the cart's pricing read, created with their rates in one use case. */
@ApplicationScoped
public class ShippingZones {

    /** A rate as a merchant asks for it. */
    public record NewRate(String title, Kind kind, long priceMinor, Long minSubtotal, Long maxSubtotal, Long freeAboveMinor, Integer minDays,
            Integer maxDays, Long minWeightGrams, Long maxWeightGrams) {
    }

    private final EntityManager em;
    private final TenantContext tenant;

    ShippingZones(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /**
     * The read of every zone of the store with its rates, in creation order (rates by price), as a part of the cart's
     * pricing read ({@link UnionRead}): every read of a cart that ships asks for them. {@link #zones} maps its rows.
     */
    public UnionRead.Part all() {
        return new UnionRead.Part("z.id, z.name, array_to_string(z.countries, ','), array_to_string(z.regions, ','), "
                + "z.taxes_shipping, r.id, r.title, r.kind, r.price_minor, r.min_subtotal, r.max_subtotal, r.free_above_minor, r.min_days, "
                + "r.max_days, r.min_weight_grams, r.max_weight_grams",
                "uuid, text, text, text, boolean, uuid, text, text, bigint, bigint, bigint, bigint, int, int, bigint, bigint",
                "checkout.shipping_zone z left join checkout.shipping_rate r on r.store_id = z.store_id and r.zone_id = z.id "
                        + "where z.store_id = :store",
                "z.created_at, z.id, r.price_minor, r.id", Map.of("store", tenant.requireStore().value()));
    }

    /** The zones of an {@link #all} read's rows (a zone's rows are adjacent, in its rates' order). */
    public static List<ShippingZone> zones(List<Object[]> rows) {
        Map<UUID, Object[]> zones = new LinkedHashMap<>();
        Map<UUID, List<Rate>> rates = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID zone = (UUID) r[0]; // the driver's own types: uuid, text, boolean, bigint, int
            zones.putIfAbsent(zone, r);
            List<Rate> list = rates.computeIfAbsent(zone, z -> new ArrayList<>());
            if (r[5] != null) {
                list.add(new Rate((UUID) r[5], (String) r[6], Kind.valueOf((String) r[7]), ((Number) r[8]).longValue(), lng(r[9]), lng(r[10]),
                        lng(r[11]), r[12] == null ? null : ((Number) r[12]).intValue(), r[13] == null ? null : ((Number) r[13]).intValue(),
                        lng(r[14]), lng(r[15])));
            }
        }
        List<ShippingZone> result = new ArrayList<>();
        zones.forEach((id, r) -> result.add(new ShippingZone(id, (String) r[1], split((String) r[2]), split((String) r[3]), (Boolean) r[4],
                rates.get(id))));
        return result;
    }

    @Transactional
    public ShippingZone create(String name, List<String> countries, List<String> regions, boolean taxesShipping, List<NewRate> newRates) {
        String zoneName = name == null ? "" : name.strip();
        if (zoneName.isEmpty() || zoneName.length() > 255) {
            throw invalid("name", "A name is 1 to 255 characters.");
        }
        Set<String> countrySet = new LinkedHashSet<>();
        for (String c : countries == null ? List.<String>of() : countries) {
            String code = c.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}")) {
                throw invalid("countries", "Countries are ISO 3166-1 alpha-2 codes.");
            }
            countrySet.add(code);
        }
        if (countrySet.isEmpty() || countrySet.size() > 250) {
            throw invalid("countries", "A zone covers 1 to 250 countries.");
        }
        Set<String> regionSet = new LinkedHashSet<>();
        for (String r : regions == null ? List.<String>of() : regions) {
            String code = r.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}-[A-Z0-9]{1,3}") || !countrySet.contains(code.substring(0, 2))) {
                throw invalid("regions", "Regions are ISO 3166-2 codes (CC-RRR) of the zone's countries.");
            }
            regionSet.add(code);
        }
        if (newRates == null || newRates.isEmpty() || newRates.size() > 50) {
            throw invalid("rates", "A zone has 1 to 50 rates.");
        }
        UUID store = tenant.requireStore().value();
        UUID zoneId = Ids.newId();
        em.createNativeQuery("insert into checkout.shipping_zone (store_id, id, name, countries, regions, taxes_shipping, created_at) "
                + "values (:store, :id, :name, cast(:countries as text[]), cast(:regions as text[]), :taxes, :now)")
                .setParameter("store", store).setParameter("id", zoneId).setParameter("name", zoneName)
                .setParameter("countries", "{" + String.join(",", countrySet) + "}").setParameter("regions", "{" + String.join(",", regionSet) + "}")
                .setParameter("taxes", taxesShipping).setParameter("now", Instant.now()).executeUpdate();
        List<Rate> rates = new ArrayList<>();
        for (NewRate n : newRates) {
            String title = n.title() == null ? "" : n.title().strip();
            if (title.isEmpty() || title.length() > 255) {
                throw invalid("rates", "A rate's title is 1 to 255 characters.");
            }
            if (n.priceMinor() < 0 || (n.minSubtotal() != null && n.minSubtotal() < 0) || (n.freeAboveMinor() != null && n.freeAboveMinor() < 0)
                    || (n.minSubtotal() != null && n.maxSubtotal() != null && n.maxSubtotal() <= n.minSubtotal())
                    || (n.minDays() != null && n.minDays() < 0) || (n.minDays() != null && n.maxDays() != null && n.maxDays() < n.minDays())
                    || (n.minWeightGrams() != null && n.minWeightGrams() < 0) || (n.maxWeightGrams() != null && n.maxWeightGrams() < 1)
                    || (n.minWeightGrams() != null && n.maxWeightGrams() != null && n.maxWeightGrams() <= n.minWeightGrams())) {
                throw invalid("rates", "A rate's price, subtotal and weight ranges and delivery days must be non-negative and in order.");
            }
            boolean byWeight = n.kind() == Kind.WEIGHT;
            Rate rate = new Rate(Ids.newId(), title, n.kind(), n.priceMinor(), n.minSubtotal(), n.maxSubtotal(), n.freeAboveMinor(), n.minDays(),
                    n.maxDays(), byWeight ? n.minWeightGrams() : null, byWeight ? n.maxWeightGrams() : null);
            em.createNativeQuery("insert into checkout.shipping_rate (store_id, id, zone_id, title, kind, price_minor, min_subtotal, max_subtotal, "
                    + "free_above_minor, min_days, max_days, min_weight_grams, max_weight_grams) values (:store, :id, :zone, :title, :kind, :price, :min, "
                    + ":max, :free, :minDays, :maxDays, :minWeight, :maxWeight)")
                    .setParameter("store", store).setParameter("id", rate.id()).setParameter("zone", zoneId).setParameter("title", title)
                    .setParameter("kind", n.kind().name()).setParameter("price", n.priceMinor()).setParameter("min", n.minSubtotal())
                    .setParameter("max", n.maxSubtotal()).setParameter("free", n.freeAboveMinor()).setParameter("minDays", n.minDays())
                    .setParameter("maxDays", n.maxDays()).setParameter("minWeight", rate.minWeightGrams())
                    .setParameter("maxWeight", rate.maxWeightGrams()).executeUpdate();
            rates.add(rate);
        }
        return new ShippingZone(zoneId, zoneName, countrySet, regionSet, taxesShipping, rates);
    }

    private static Long lng(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Set<String> split(String packed) {
        return packed == null || packed.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(packed.split(",")));
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(TaxRateErrorCode.INVALID_INPUT, List.of("input", field), message);
    }
}
