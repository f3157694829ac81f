package io.shopgraph.checkout.application.tax;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.checkout.domain.tax.TaxRateErrorCode;
import io.shopgraph.checkout.domain.pricing.TaxRate;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.persistence.UnionRead;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The store's tax rates: by country and optional region, with the store's default (country {@code *}) where no
 * country rate exists. This is the seam for an external tax calculator: anything that answers the rates of a
 * destination can replace {@link #destination} and {@link #rates} in the cart's pricing.
 */
@ApplicationScoped
public class TaxRates {

    /** A rate as a merchant sees it. */
    public record StoredRate(UUID id, String countryCode, String regionCode, String title, BigDecimal rate) {
    }

    private final NativeRows db;
    private final TenantContext tenant;

    TaxRates(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /**
     * The read of the rates at a destination, as a part of the cart's pricing read ({@link UnionRead}): the country's rates
     * (those without a region, plus the region's) and the store's defaults, ordered by title. {@link #rates} picks.
     */
    public UnionRead.Part destination(String countryCode, String regionCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("store", tenant.requireStore().value());
        params.put("tax_country", countryCode == null ? "" : countryCode);
        params.put("tax_region", regionCode == null ? "" : regionCode);
        return new UnionRead.Part("country_code, title, rate", "text, text, numeric", "checkout.tax_rate where store_id = :store "
                + "and (country_code = '*' or (country_code = :tax_country and (region_code is null or region_code = :tax_region)))",
                "title, id", params);
    }

    /** The rates of a {@link #destination} read's rows: the country's when it has any, else the store's default. */
    public static List<TaxRate> rates(List<Object[]> rows) {
        boolean countryKnown = rows.stream().anyMatch(r -> !"*".equals(r[0]));
        List<TaxRate> rates = new ArrayList<>();
        for (Object[] r : rows) {
            if ("*".equals(r[0]) != countryKnown) {
                rates.add(new TaxRate((String) r[1], ((BigDecimal) r[2]).stripTrailingZeros()));
            }
        }
        return rates;
    }

    /** Adds a rate; the same title twice at one destination is refused. */
    @Transactional
    public StoredRate create(String countryCode, String regionCode, String title, BigDecimal rate) {
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.strip().toUpperCase(java.util.Locale.ROOT);
        String name = title == null ? "" : title.strip();
        if (!country.equals("*") && !country.matches("[A-Z]{2}")) {
            throw invalid("countryCode", "A country is an ISO 3166-1 alpha-2 code, or * for the store's default.");
        }
        if (region != null && (!region.matches("[A-Z0-9]{1,3}") || country.equals("*"))) {
            throw invalid("regionCode", "A region is 1 to 3 letters or digits (ISO 3166-2 without the country), and needs a country.");
        }
        if (name.isEmpty() || name.length() > 64) {
            throw invalid("title", "A title is 1 to 64 characters.");
        }
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 6) {
            throw invalid("rate", "A rate is a fraction from 0 to 1 with at most 6 decimals (0.2 for 20 %).");
        }
        UUID id = Ids.newId();
        int inserted = db.sql("insert into checkout.tax_rate (store_id, id, country_code, region_code, title, rate, created_at) "
                + "values (:store, :id, :country, :region, :title, :rate, :now) on conflict do nothing")
                .param("store", tenant.requireStore().value()).param("id", id).param("country", country)
                .param("region", region).param("title", name).param("rate", rate).param("now", Instant.now())
                .update();
        if (inserted == 0) {
            throw new DomainException(TaxRateErrorCode.TITLE_TAKEN, List.of("input", "title"), "This destination already has a rate with this title.");
        }
        return new StoredRate(id, country, region, name, rate.stripTrailingZeros());
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(TaxRateErrorCode.INVALID_INPUT, List.of("input", field), message);
    }
}
