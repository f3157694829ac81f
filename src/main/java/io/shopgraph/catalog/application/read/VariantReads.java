package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Variant lookups for a product page: the variant of each product that has exactly the selected option
 * values, and all variants of some products in position order. One statement per call, for any number of
 * products. Callers have already checked that the products are visible to them.
 */
@ApplicationScoped
public class VariantReads {

    /** The variant rows ({@link VariantRow}) over {@code catalog.product_variant v} with their image. */
    private static final String COLUMNS = "select " + VariantRow.COLUMNS + " from catalog.product_variant v " + VariantRow.IMAGE_JOIN;

    private final NativeRows rows;
    private final TenantContext tenant;

    VariantReads(NativeRows rows, TenantContext tenant) {
        this.rows = rows;
        this.tenant = tenant;
    }

    /**
     * For each product, its variant whose option values are exactly the selected ones: every option of the
     * product named once (names and values compare exactly, in any order). Products without a match (an
     * option missing, an unknown name or value, a name given twice) are absent from the result.
     */
    @Transactional
    public Map<UUID, ProductVariantView> bySelectedOptions(Collection<UUID> productIds, List<SelectedOption> selected) {
        Set<String> names = new HashSet<>();
        for (SelectedOption option : selected) {
            if (!names.add(option.name())) {
                return Map.of();
            }
        }
        if (productIds.isEmpty() || selected.size() > ProductDrafts.MAX_OPTIONS) {
            return Map.of(); // no product has more options than that: nothing to look up
        }
        // The selection travels as two unit-separator-joined texts (no array binding needed); a variant matches
        // when the product has as many options as were selected and each option's value at its position is the
        // selected one.
        String sql = COLUMNS + "where v.store_id = :store and v.product_id in (:ids) "
                + "and (select count(*) from catalog.product_option o where o.store_id = v.store_id and o.product_id = v.product_id) = :n "
                + "and not exists (select 1 from catalog.product_option o where o.store_id = v.store_id and o.product_id = v.product_id "
                + "  and not exists (select 1 from unnest(string_to_array(cast(:names as text), chr(31)), "
                + "    string_to_array(cast(:vals as text), chr(31))) as s(name, value) "
                + "    where s.name = o.name and s.value = v.option_values[o.position + 1]))";
        Map<String, Object> params = new HashMap<>();
        params.put("store", store());
        params.put("ids", List.copyOf(productIds));
        params.put("n", (long) selected.size());
        params.put("names", String.join(Rows.SEP, selected.stream().map(s -> s.name().replace(Rows.SEP, "")).toList()));
        params.put("vals", String.join(Rows.SEP, selected.stream().map(s -> s.value().replace(Rows.SEP, "")).toList()));
        if (selected.isEmpty()) {
            // string_to_array('') is an empty array: only products without options match (their one variant).
            params.put("names", "");
            params.put("vals", "");
        }
        Map<UUID, ProductVariantView> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            found.putIfAbsent(uuid(r[VariantRow.PRODUCT_ID]), VariantRow.view(r));
        }
        return found;
    }

    /** Every variant of each product, in position order. */
    @Transactional
    public Map<UUID, List<ProductVariantView>> ofProducts(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        String sql = COLUMNS + "where v.store_id = :store and v.product_id in (:ids) order by v.product_id, v.position, v.id";
        Map<UUID, List<ProductVariantView>> found = new LinkedHashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(productIds)))) {
            found.computeIfAbsent(uuid(r[VariantRow.PRODUCT_ID]), k -> new ArrayList<>()).add(VariantRow.view(r));
        }
        return found;
    }

    private List<Object[]> run(String sql, Map<String, Object> params) {
        return rows.query(sql, params); // plain JDBC: NativeRows
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
