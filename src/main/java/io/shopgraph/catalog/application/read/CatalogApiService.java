package io.shopgraph.catalog.application.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import io.shopgraph.platform.persistence.JoinedRead;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.LineAttributeDeclaration;
import io.shopgraph.catalog.api.LineAttributeType;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.catalog.api.VariantPricingFacts;
import io.shopgraph.catalog.api.DepositKind;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.tenancy.TenantContext;

@ApplicationScoped
public class CatalogApiService implements CatalogApi {

    private final EntityManager em;
    private final NativeRows nativeRows;
    private final TenantContext tenant;
    private final CatalogReads reads;
    private final VariantReads variants;
    private final StorefrontVariantMemo memo;

    CatalogApiService(EntityManager em, TenantContext tenant, CatalogReads reads, VariantReads variants, NativeRows nativeRows,
            StorefrontVariantMemo memo) {
        this.memo = memo;
        this.nativeRows = nativeRows;
        this.em = em;
        this.tenant = tenant;
        this.reads = reads;
        this.variants = variants;
    }

    @Override
    public Map<UUID, List<ProductVariantView>> variantsOfProducts(Collection<UUID> productIds) {
        return variants.ofProducts(productIds);
    }

    @Override
    @Transactional
    public Map<UUID, PurchasableVariant> purchasableVariants(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        // One statement: the declarations come along packed in one text column, in position order. Plain JDBC
        // (NativeRows): cart commands that change lines run it (or ride it on their lock: purchasableVariantsJoin).
        Map<UUID, PurchasableVariant> found = new HashMap<>();
        for (Object[] r : nativeRows.query(PURCHASABLE, purchasableParams(variantIds))) {
            PurchasableVariant variant = purchasable(r);
            found.put(variant.variantId(), variant);
        }
        return found;
    }

    @Override
    public JoinedRead<PurchasableVariant> purchasableVariantsJoin(Collection<UUID> variantIds) {
        return JoinedRead.of("pv", PURCHASABLE, PURCHASABLE_WIDTH, purchasableParams(variantIds), CatalogApiService::purchasable);
    }

    /** The purchasable variants' select: its rows' key first, as {@link JoinedRead} needs; {@link #purchasable} maps a row. */
    private static final String PURCHASABLE = "select v.id, v.product_id, p.title, v.title, v.price_minor, v.currency_code, "
            + "v.requires_shipping, p.kind, (p.status = 'ACTIVE' and p.published_at is not null and p.published_at <= now()), "
            + "(select string_agg(la.key || chr(30) || la.type || chr(30) || la.required::text || chr(30) || la.max_length "
            + "   || chr(30) || array_to_string(la.allowed_values, chr(31)), chr(29) order by la.position) "
            + "  from catalog.variant_line_attribute la where la.store_id = v.store_id and la.variant_id = v.id), "
            + "v.deposit_kind, v.deposit_value "
            + "from catalog.product_variant v join catalog.product p on p.store_id = v.store_id and p.id = v.product_id "
            + "where v.store_id = :store and v.id in (:purchasable_ids)";
    private static final int PURCHASABLE_WIDTH = 12;

    private Map<String, Object> purchasableParams(Collection<UUID> variantIds) {
        // A list that is never empty: "in ()" is not SQL, and a joined read runs whatever the ids.
        List<UUID> ids = variantIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(variantIds);
        return Map.of("store", tenant.requireStore().value(), "purchasable_ids", ids);
    }

    private static PurchasableVariant purchasable(Object[] r) {
        List<LineAttributeDeclaration> declarations = new ArrayList<>();
        String packed = Rows.str(r[9]);
        if (packed != null && !packed.isEmpty()) {
            for (String one : packed.split("\u001d")) {
                String[] f = one.split("\u001e", -1);
                declarations.add(new LineAttributeDeclaration(f[0], LineAttributeType.valueOf(f[1]), Boolean.parseBoolean(f[2]),
                        Integer.parseInt(f[3]), Rows.list(f[4])));
            }
        }
        return new PurchasableVariant(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.str(r[2]), Rows.str(r[3]),
                Money.of(Rows.lng(r[4]), Rows.str(r[5]).strip()), Rows.bool(r[6]), ProductKind.valueOf(Rows.str(r[7])),
                Rows.bool(r[8]), declarations,
                r[10] == null ? null : new VariantDeposit(DepositKind.valueOf(Rows.str(r[10])), Rows.lng(r[11])));
    }

    @Override
    @Transactional
    public Map<UUID, VariantPricingFacts> pricingFacts(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select v.id, v.taxable, v.weight_grams, "
                + "(select string_agg(cp.collection_id::text, ',') from catalog.collection_product cp "
                + "  where cp.store_id = v.store_id and cp.product_id = v.product_id) "
                + "from catalog.product_variant v where v.store_id = :store and v.id in (:ids)")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(variantIds)).getResultList();
        Map<UUID, VariantPricingFacts> found = new HashMap<>();
        for (Object[] r : rows) {
            Set<UUID> collections = new HashSet<>();
            String packed = Rows.str(r[3]);
            if (packed != null && !packed.isEmpty()) {
                for (String id : packed.split(",")) {
                    collections.add(UUID.fromString(id));
                }
            }
            UUID id = Rows.uuid(r[0]);
            found.put(id, new VariantPricingFacts(id, Rows.bool(r[1]), r[2] == null ? null : ((Number) r[2]).intValue(), collections));
        }
        return found;
    }

    @Override
    public Map<UUID, ProductVariantView> storefrontVariants(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        if (Arc.container().requestContext().isActive()) {
            Optional<Map<UUID, ProductVariantView>> known = memo.all(variantIds);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return reads.variantsByIds(variantIds, true);
    }

    @Override
    public JoinedRead<ProductVariantView> storefrontVariantJoin(String variantIdColumn) {
        // The same columns, image and visibility as CatalogReads.variantsByIds(ids, true), for one variant per row.
        return JoinedRead.of("sv", "select " + VariantRow.COLUMNS + " from catalog.product_variant v "
                + "join catalog.product p on p.store_id = v.store_id and p.id = v.product_id " + VariantRow.IMAGE_JOIN
                + "where v.store_id = :store and v.id = " + variantIdColumn + CatalogReads.VISIBLE, VariantRow.OPTION_NAMES + 1,
                Map.of("store", tenant.requireStore().value()), VariantRow::view);
    }

    @Override
    public void rememberStorefrontVariants(Collection<UUID> asked, Map<UUID, ProductVariantView> found) {
        if (Arc.container().requestContext().isActive()) {
            memo.remember(asked, found);
        }
    }

    @Override
    @Transactional
    public void productAvailabilityChanged(Map<UUID, Boolean> availableByProduct) {
        // At most two statements per 1,000 products (bulk loads change many at once).
        for (boolean available : new boolean[] {true, false}) {
            List<UUID> ids = availableByProduct.entrySet().stream().filter(e -> e.getValue() == available).map(Map.Entry::getKey).toList();
            for (int from = 0; from < ids.size(); from += 1000) {
                em.createNativeQuery("update catalog.product set available = :a where store_id = :store and id in (:ids) and available <> :a")
                        .setParameter("a", available).setParameter("store", tenant.requireStore().value())
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).executeUpdate();
            }
        }
    }
}
