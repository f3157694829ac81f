package io.shopgraph.orders.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.orders.api.OrderViews.FulfillmentView;
import io.shopgraph.orders.api.OrderViews.OrderAddressView;
import io.shopgraph.orders.api.OrderViews.OrderAttributeView;
import io.shopgraph.orders.api.OrderViews.OrderCostView;
import io.shopgraph.orders.api.OrderViews.OrderEventView;
import io.shopgraph.orders.api.OrderViews.OrderLineCostView;
import io.shopgraph.orders.api.OrderViews.OrderLineQuantityView;
import io.shopgraph.orders.api.OrderViews.OrderLineView;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrderViews.RefundView;
import io.shopgraph.orders.domain.OrderRules;
import io.shopgraph.orders.api.OrderStatus;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.platform.kernel.JsonP;

/**
 * Reads orders as views: a page of orders in one statement, then their lines, fulfilments and refunds in one
 * statement each, whatever the page size (four statements per page).
 */
@ApplicationScoped
public class OrderReads {

    static final String COLUMNS = "id, number, status, email, currency_code, subtotal_minor, discount_minor, shipping_minor, tax_minor, "
            + "total_minor, paid_minor, refunded_minor, shipping_address::text, customer_id, note, created_at";

    /** Plain JDBC (NativeRows): every checkout answers with its order, and Hibernate's native-query mapping was most of that read. */
    private final NativeRows db;
    private final TenantContext tenant;

    OrderReads(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /** Merchant list: newest first, optionally one status and a query (a number like 1001 or #1001, or part of the email). */
    @Transactional
    public Page<OrderView> page(PageRequest request, OrderStatus status, String query) {
        StringBuilder where = new StringBuilder("store_id = :store");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            parameters.put("status", status.name());
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > 200 || q.indexOf('\u0000') >= 0) {
            throw ApiException.badRequest("'query' has at most 200 characters, and no NUL.");
        }
        if (!q.isEmpty()) {
            String digits = q.startsWith("#") ? q.substring(1) : q;
            if (digits.matches("\\d{1,18}")) {
                where.append(" and number = :number");
                parameters.put("number", Long.parseLong(digits));
            } else {
                where.append(" and lower(email) like :email escape '\\'");
                parameters.put("email", "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return page(where.toString(), parameters, request);
    }

    /** A customer's own orders, newest first. */
    @Transactional
    public Page<OrderView> ofCustomer(UUID customerId, PageRequest request) {
        return page("store_id = :store and customer_id = :customer", Map.of("customer", customerId), request);
    }

    private Page<OrderView> page(String where, Map<String, Object> parameters, PageRequest request) {
        UUID cursor = request.cursor().map(OrderReads::cursorId).orElse(null);
        boolean backward = request.backward();
        String sql = "select " + COLUMNS + " from orders.sales_order where " + where
                + (cursor == null ? "" : backward ? " and id > :cursor" : " and id < :cursor")
                + " order by id " + (backward ? "asc" : "desc") + " limit :limit";
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("store", store());
        all.put("limit", request.size() + 1);
        if (cursor != null) {
            all.put("cursor", cursor);
        }
        return Page.of(views(db.query(sql, all)), request);
    }

    /** The orders with these ids, by id (four statements). */
    @Transactional
    public Map<UUID, OrderView> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = db.query("select " + COLUMNS + " from orders.sales_order where store_id = :store and id in (:ids)",
                Map.of("store", store(), "ids", List.copyOf(ids)));
        Map<UUID, OrderView> result = new LinkedHashMap<>();
        views(rows).forEach(v -> result.put(v.uuid(), v));
        return result;
    }

    public Optional<OrderView> byId(UUID id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    /** The order a guest's secret token opens; empty for anything else (looked up by the token's hash). */
    @Transactional
    public Optional<OrderView> byToken(String token) {
        if (token == null || token.length() > 100 || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        List<Object[]> rows = db.query("select " + COLUMNS + " from orders.sales_order where store_id = :store and token_hash = :hash",
                Map.of("store", store(), "hash", hash(token)));
        return views(rows).stream().findFirst();
    }

    /** The timelines of these orders, oldest entry first (one statement). */
    @Transactional
    public Map<UUID, List<OrderEventView>> timelines(Collection<UUID> orderIds) {
        Map<UUID, List<OrderEventView>> result = new HashMap<>();
        if (orderIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = db.query("select order_id, kind, message, actor, created_at from orders.order_event "
                + "where store_id = :store and order_id in (:ids) order by created_at, id", Map.of("store", store(), "ids", List.copyOf(orderIds)));
        for (Object[] r : rows) {
            result.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>()).add(new OrderEventView((String) r[1], (String) r[2], (String) r[3], instant(r[4])));
        }
        return result;
    }

    public static final String TOKEN_PREFIX = "sgot_";

    /** The stored form of a guest order token (the platform's opaque-token hash, like every other token). */
    public static String hash(String token) {
        return OpaqueTokens.hash(token);
    }

    public static String cursorOf(String globalId) {
        return Cursor.encode(globalId);
    }

    private static UUID cursorId(String cursor) {
        return GlobalId.parse(Cursor.decode(cursor, 1).get(0), OrderViews.ORDER)
                .orElseThrow(() -> ApiException.badRequest("The cursor is not valid for this list."));
    }

    private List<OrderView> views(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> uuid(r[0])).toList();
        Map<UUID, String> currencies = new HashMap<>();
        rows.forEach(r -> currencies.put(uuid(r[0]), ((String) r[4]).strip()));
        Map<UUID, List<OrderLineView>> lines = lines(ids, currencies);
        Map<UUID, List<FulfillmentView>> fulfillments = new HashMap<>();
        List<Object[]> fRows = db.query("select order_id, id, created_at, tracking_company, tracking_number, tracking_url, lines::text "
                + "from orders.fulfillment where store_id = :store and order_id in (:ids) order by created_at, id", Map.of("store", store(), "ids", ids));
        for (Object[] r : fRows) {
            fulfillments.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>()).add(new FulfillmentView(
                    GlobalId.format(OrderViews.FULFILLMENT, uuid(r[1])), instant(r[2]), (String) r[3], (String) r[4], (String) r[5],
                    lineQuantities((String) r[6])));
        }
        Map<UUID, List<RefundView>> refunds = new HashMap<>();
        List<Object[]> rRows = db.query("select order_id, id, created_at, amount_minor, restock, reason, lines::text, status "
                + "from orders.refund where store_id = :store and order_id in (:ids) order by created_at, id", Map.of("store", store(), "ids", ids));
        for (Object[] r : rRows) {
            UUID order = uuid(r[0]);
            refunds.computeIfAbsent(order, k -> new ArrayList<>()).add(new RefundView(GlobalId.format(OrderViews.REFUND, uuid(r[1])),
                    instant(r[2]), money(((Number) r[3]).longValue(), currencies.get(order)),
                    io.shopgraph.orders.api.RefundStatus.valueOf((String) r[7]), (Boolean) r[4], (String) r[5],
                    lineQuantities((String) r[6])));
        }
        List<OrderView> result = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = uuid(r[0]);
            String currency = currencies.get(id);
            long number = ((Number) r[1]).longValue();
            result.add(new OrderView(GlobalId.format(OrderViews.ORDER, id), (int) number, OrderRules.name(number),
                    OrderStatus.valueOf((String) r[2]), instant(r[15]), (String) r[3], currency, lines.getOrDefault(id, List.of()),
                    new OrderCostView(money(r[5], currency), money(r[6], currency), money(r[7], currency), money(r[8], currency),
                            money(r[9], currency)),
                    address((String) r[12]), fulfillments.getOrDefault(id, List.of()), refunds.getOrDefault(id, List.of()),
                    money(r[10], currency), money(r[11], currency), id, uuid(r[13]), (String) r[14]));
        }
        return result;
    }

    private Map<UUID, List<OrderLineView>> lines(List<UUID> orderIds, Map<UUID, String> currencies) {
        List<Object[]> rows = db.query("select order_id, id, title, variant_title, quantity, fulfilled_quantity, refunded_quantity, "
                + "to_json(attribute_keys)::text, to_json(attribute_values)::text, unit_price_minor, subtotal_minor, discount_minor, total_minor, variant_id "
                + "from orders.order_line where store_id = :store and order_id in (:ids) order by order_id, position", Map.of("store", store(), "ids", orderIds));
        Map<UUID, List<OrderLineView>> result = new HashMap<>();
        for (Object[] r : rows) {
            UUID order = uuid(r[0]);
            String currency = currencies.get(order);
            List<String> keys = strings((String) r[7]);
            List<String> values = strings((String) r[8]);
            List<OrderAttributeView> attributes = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                attributes.add(new OrderAttributeView(keys.get(i), i < values.size() ? values.get(i) : null));
            }
            UUID variant = uuid(r[13]);
            long total = ((Number) r[12]).longValue();
            result.computeIfAbsent(order, k -> new ArrayList<>()).add(new OrderLineView(GlobalId.format(OrderViews.LINE, uuid(r[1])),
                    (String) r[2], (String) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    attributes, new OrderLineCostView(money(r[9], currency), money(r[10], currency), money(r[11], currency),
                            money(total, currency)),
                    GlobalId.format("ProductVariant", variant), uuid(r[1]), variant, total));
        }
        return result;
    }

    private static List<String> strings(String json) {
        List<String> result = new ArrayList<>();
        try (var reader = JsonP.createReader(new java.io.StringReader(json))) {
            for (JsonValue value : reader.readArray()) {
                result.add(value.getValueType() == JsonValue.ValueType.NULL ? null : ((jakarta.json.JsonString) value).getString());
            }
        }
        return result;
    }

    static List<OrderLineQuantityView> lineQuantities(String json) {
        List<OrderLineQuantityView> result = new ArrayList<>();
        try (var reader = JsonP.createReader(new java.io.StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonValue value : array) {
                JsonObject o = value.asJsonObject();
                result.add(new OrderLineQuantityView(GlobalId.format(OrderViews.LINE, UUID.fromString(o.getString("lineId"))),
                        o.getInt("quantity")));
            }
        }
        return result;
    }

    private static OrderAddressView address(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = JsonP.createReader(new java.io.StringReader(json))) {
            JsonObject o = reader.readObject();
            return new OrderAddressView(text(o, "firstName"), text(o, "lastName"), text(o, "company"), text(o, "address1"),
                    text(o, "address2"), text(o, "city"), text(o, "province"), text(o, "zip"), text(o, "countryCode"), text(o, "phone"));
        }
    }

    private static String text(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getString(key) : null;
    }

    static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    static MoneyView money(Object minor, String currency) {
        return MoneyView.of(Money.of(((Number) minor).longValue(), currency));
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
