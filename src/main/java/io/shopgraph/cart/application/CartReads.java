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

import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.domain.Cart;
import io.shopgraph.cart.domain.CartLine;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.persistence.JoinedRead;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/** Cart reads: a cart and its lines in one statement, by id or by customer. */
@ApplicationScoped
public class CartReads {

    /** The cart's and its lines' columns (an outer join: a cart without lines is one row whose line columns are null). */
    private static final String COLUMNS = "select " + CartRows.cartColumns("c") + ", " + CartRows.lineColumns("l") + " ";

    private final NativeRows rows;
    private final TenantContext tenant;
    private final CatalogApi catalog;

    CartReads(NativeRows rows, TenantContext tenant, CatalogApi catalog) {
        this.catalog = catalog;
        this.rows = rows;
        this.tenant = tenant;
    }

    /** The open cart with this global id; empty for malformed, unknown, foreign, expired and merged ids alike. */
    @Transactional
    public Optional<CartView> byId(String cartId) {
        return byId(cartId, false);
    }

    /**
     * {@link #byId(String)}, and with {@code withMerchandise} the storefront view of each line's variant in the same
     * statement (the catalog's {@link CatalogApi#storefrontVariantJoin}), handed to the catalog for this request: a cart
     * read that selects its lines' merchandise then runs one statement for the cart, its lines and their variants.
     */
    @Transactional
    public Optional<CartView> byId(String cartId, boolean withMerchandise) {
        Optional<UUID> id = GlobalId.parse(cartId, CartViews.CART);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        JoinedRead<ProductVariantView> merchandise = withMerchandise ? catalog.storefrontVariantJoin("l.variant_id") : null;
        String from = "from cart.cart c left join cart.cart_line l on l.store_id = c.store_id and l.cart_id = c.id "
                + (merchandise == null ? "" : merchandise.join())
                + "where c.store_id = :store and c.id = :id and c.status = 'OPEN' and c.expires_at > now()";
        Map<String, Object> params = Map.of("id", id.get());
        List<Object[]> rows = merchandise == null ? run(COLUMNS + from, params)
                : run(COLUMNS + ", " + merchandise.columns() + " " + from, merchandise.params(params));
        Optional<CartView> cart = assemble(rows).values().stream().findFirst();
        if (merchandise != null && cart.isPresent()) {
            Map<UUID, ProductVariantView> found = new HashMap<>();
            int merchandiseAt = CartRows.CART_WIDTH + CartRows.LINE_WIDTH; // after the cart's and the line's columns
            for (Object[] r : rows) {
                ProductVariantView view = merchandise.map(r, merchandiseAt);
                if (view != null) {
                    found.put(uuid(r[merchandiseAt]), view); // the joined read's key: the variant's id
                }
            }
            catalog.rememberStorefrontVariants(cart.get().allLines().stream().map(CartLineView::variantId).toList(), found);
        }
        return cart;
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
            Cart cart = carts.computeIfAbsent(uuid(r[0]), id -> CartRows.cart(r, 0));
            List<CartLine> lines = result.computeIfAbsent(cart, c -> new ArrayList<>());
            CartLine line = CartRows.line(r, CartRows.CART_WIDTH);
            if (line != null) {
                lines.add(line);
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
