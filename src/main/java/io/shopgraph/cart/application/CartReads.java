package io.shopgraph.cart.application;

import io.shopgraph.cart.api.CartViews;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.domain.Cart;
import io.shopgraph.cart.domain.CartLine;
import io.shopgraph.cart.domain.CartStatus;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/** Cart reads: a cart and its lines in one statement, by id or by customer. */
@ApplicationScoped
public class CartReads {

    private static final String COLUMNS = "select c.id, c.currency_code, c.customer_id, c.email, c.phone, c.country_code, c.note, "
            + "array_to_string(c.attribute_keys, chr(31)), array_to_string(c.attribute_values, chr(31)), c.created_at, c.updated_at, "
            + "l.id as line_id, l.variant_id, l.quantity, l.unit_price_minor, l.currency_code as line_currency, l.requires_shipping, "
            + "array_to_string(l.attribute_keys, chr(31)) as line_keys, array_to_string(l.attribute_values, chr(31)) as line_values, l.position, c.session_id, l.product_id, "
            + "array_to_string(c.discount_codes, chr(31)), c.ship_name, c.ship_address1, c.ship_city, c.ship_zip, c.ship_region, "
            + "c.ship_country, c.selected_delivery, l.booking_slot_id ";

    private final NativeRows rows;
    private final TenantContext tenant;

    CartReads(NativeRows rows, TenantContext tenant) {
        this.rows = rows;
        this.tenant = tenant;
    }

    /** The open cart with this global id; empty for malformed, unknown, foreign, expired and merged ids alike. */
    @Transactional
    public Optional<CartView> byId(String cartId) {
        Optional<UUID> id = GlobalId.parse(cartId, CartViews.CART);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = run(COLUMNS + "from cart.cart c left join cart.cart_line l on l.store_id = c.store_id and l.cart_id = c.id "
                + "where c.store_id = :store and c.id = :id and c.status = 'OPEN' and c.expires_at > now()", Map.of("id", id.get()));
        return assemble(rows).values().stream().findFirst();
    }

    /** Each customer's most recently changed open cart, by customer id (one statement for all of them). */
    @Transactional
    public Map<UUID, CartView> byCustomers(Collection<UUID> customerIds) {
        List<Object[]> rows = run("with latest as (select distinct on (customer_id) id from cart.cart where store_id = :store "
                + "and customer_id in (:ids) and status = 'OPEN' and expires_at > now() order by customer_id, updated_at desc) "
                + COLUMNS + "from cart.cart c join latest on latest.id = c.id "
                + "left join cart.cart_line l on l.store_id = c.store_id and l.cart_id = c.id where c.store_id = :store",
                Map.of("ids", List.copyOf(customerIds)));
        Map<UUID, CartView> found = new HashMap<>();
        for (Map.Entry<Cart, List<CartLine>> e : assembleRows(rows).entrySet()) {
            found.put(e.getKey().customerId, CartAssembler.view(e.getKey(), e.getValue()));
        }
        return found;
    }

    private Map<UUID, CartView> assemble(List<Object[]> rows) {
        Map<UUID, CartView> views = new LinkedHashMap<>();
        assembleRows(rows).forEach((cart, lines) -> views.put(cart.id, CartAssembler.view(cart, lines)));
        return views;
    }

    private static Map<Cart, List<CartLine>> assembleRows(List<Object[]> rows) {
        Map<UUID, Cart> carts = new LinkedHashMap<>();
        Map<Cart, List<CartLine>> result = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID id = uuid(r[0]);
            Cart cart = carts.get(id);
            if (cart == null) {
                cart = new Cart();
                cart.id = id;
                cart.status = CartStatus.OPEN;
                cart.currencyCode = (String) r[1];
                cart.customerId = r[2] == null ? null : uuid(r[2]);
                cart.email = (String) r[3];
                cart.phone = (String) r[4];
                cart.countryCode = (String) r[5];
                cart.note = (String) r[6];
                cart.attributeKeys = keys(r[7]);
                cart.attributeValues = values(r[8], cart.attributeKeys.length);
                cart.createdAt = instant(r[9]);
                cart.updatedAt = instant(r[10]);
                cart.sessionId = r[20] == null ? null : uuid(r[20]);
                cart.discountCodes = keys(r[22]);
                cart.shipName = (String) r[23];
                cart.shipAddress1 = (String) r[24];
                cart.shipCity = (String) r[25];
                cart.shipZip = (String) r[26];
                cart.shipRegion = (String) r[27];
                cart.shipCountry = r[28] == null ? null : r[28].toString();
                cart.selectedDelivery = (String) r[29];
                carts.put(id, cart);
                result.put(cart, new ArrayList<>());
            }
            if (r[11] != null) {
                CartLine line = new CartLine();
                line.id = uuid(r[11]);
                line.cartId = id;
                line.variantId = uuid(r[12]);
                line.quantity = ((Number) r[13]).intValue();
                line.unitPriceMinor = ((Number) r[14]).longValue();
                line.currencyCode = (String) r[15];
                line.requiresShipping = (Boolean) r[16];
                line.attributeKeys = keys(r[17]);
                line.attributeValues = values(r[18], line.attributeKeys.length);
                line.position = ((Number) r[19]).intValue();
                line.productId = uuid(r[21]);
                line.bookingSlotId = r[30] == null ? null : uuid(r[30]);
                result.get(cart).add(line);
            }
        }
        return result;
    }

    /** Plain JDBC rows (NativeRows: same statement, without Hibernate's native-query mapping). */
    private List<Object[]> run(String sql, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("store", tenant.requireStore().value());
        return rows.query(sql, all);
    }

    /** Attribute keys packed with chr(31); keys are never empty, so "" is no attribute at all. */
    static String[] keys(Object packed) {
        String s = (String) packed;
        return s == null || s.isEmpty() ? new String[0] : s.split("\u001f", -1);
    }

    static String[] values(Object packed, int count) {
        if (count == 0) {
            return new String[0];
        }
        String[] values = ((String) packed).split("\u001f", -1);
        return values.length == count ? values : java.util.Arrays.copyOf(values, count);
    }

    static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
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
