package io.shopgraph.checkout.application.discount;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.persistence.UnionRead;
import jakarta.transaction.Transactional;

import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.checkout.domain.pricing.Discount;
import io.shopgraph.checkout.domain.pricing.DiscountClass;
import io.shopgraph.checkout.domain.pricing.DiscountKind;
import io.shopgraph.platform.tenancy.TenantContext;

/** Reads the store's discounts: those a cart may use (a part of the cart's pricing read), and pages for merchants. */
@ApplicationScoped
public class Discounts {

    private static final String SELECT_LIST = "id, code, title, kind, value, each_item, array_to_string(product_ids, ','), "
            + "array_to_string(variant_ids, ','), array_to_string(collection_ids, ','), minimum_subtotal, minimum_quantity, buy_quantity, "
            + "get_quantity, array_to_string(combines_with, ','), starts_at, ends_at, usage_limit, per_customer_limit, used_count, created_at";
    /** The SQL types of {@link #SELECT_LIST}'s columns. */
    private static final String TYPES = "uuid, text, text, text, bigint, boolean, text, text, text, bigint, int, int, int, text, timestamptz, "
            + "timestamptz, int, int, int, timestamptz";
    private static final String COLUMNS = "select " + SELECT_LIST + " from checkout.discount where store_id = :store ";

    private final NativeRows db;
    private final TenantContext tenant;

    Discounts(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /**
     * The read of the automatic discounts (oldest first) and the discounts with these codes, whatever their dates, as a
     * part of the cart's pricing read ({@link UnionRead}): the caller decides availability, so an expired code can be
     * told from an unknown one. {@link #stored} maps its rows.
     */
    public UnionRead.Part forCart(Collection<String> codes) {
        Map<String, Object> params = new HashMap<>();
        params.put("store", tenant.requireStore().value());
        if (!codes.isEmpty()) {
            params.put("discount_codes", List.copyOf(codes));
        }
        return new UnionRead.Part(SELECT_LIST, TYPES, "checkout.discount where store_id = :store and (code is null"
                + (codes.isEmpty() ? "" : " or code in (:discount_codes)") + ")", "created_at, id", params);
    }

    /**
     * A page of the store's codes (automatic = false) or automatic discounts, newest first, after the cursor's
     * (created_at, id); {@code query} (optional) keeps those whose code or title contains it, ignoring case. One statement.
     */
    @Transactional
    public List<StoredDiscount> page(boolean automatic, int limit, Instant afterCreated, UUID afterId, String query) {
        String sql = COLUMNS + "and code is " + (automatic ? "" : "not ") + "null "
                + (afterId == null ? "" : "and (created_at, id) < (:ac, :ai) ")
                + (query == null ? "" : "and (code ilike :q escape '\\' or title ilike :q escape '\\') ")
                + "order by created_at desc, id desc limit :limit";
        var q = db.sql(sql).param("store", tenant.requireStore().value()).param("limit", limit);
        if (afterId != null) {
            q.param("ac", afterCreated).param("ai", afterId);
        }
        if (query != null) {
            q.param("q", "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return stored(q.list());
    }

    /** The store's discounts among {@code ids} (foreign and unknown ids are simply absent). One statement. */
    @Transactional
    public List<StoredDiscount> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return stored(db.sql(COLUMNS + "and id in (:ids)").param("store", tenant.requireStore().value())
                .param("ids", List.copyOf(ids)).list());
    }

    /** The discounts of rows in {@link #SELECT_LIST}'s columns: a {@link #forCart} read's, a page's. */
    public static List<StoredDiscount> stored(List<Object[]> rows) {
        List<StoredDiscount> result = new ArrayList<>();
        for (Object[] r : rows) {
            Set<DiscountClass> combines = EnumSet.noneOf(DiscountClass.class);
            for (String c : split((String) r[13])) {
                combines.add(DiscountClass.valueOf(c));
            }
            Discount d = new Discount((UUID) r[0], (String) r[1], (String) r[2], DiscountKind.valueOf((String) r[3]), num(r[4]),
                    (Boolean) r[5], uuids(r[6]), uuids(r[7]), uuids(r[8]), num(r[9]), (int) num(r[10]), (int) num(r[11]), (int) num(r[12]),
                    combines);
            result.add(new StoredDiscount(d, instant(r[14]), r[15] == null ? null : instant(r[15]),
                    r[16] == null ? null : (int) num(r[16]), r[17] == null ? null : (int) num(r[17]), (int) num(r[18]), instant(r[19])));
        }
        return result;
    }

    private static List<String> split(String packed) {
        return packed == null || packed.isEmpty() ? List.of() : Arrays.asList(packed.split(","));
    }

    private static Set<UUID> uuids(Object packed) {
        Set<UUID> ids = new LinkedHashSet<>();
        split((String) packed).forEach(s -> ids.add(UUID.fromString(s)));
        return ids;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + o.getClass());
    }
}
