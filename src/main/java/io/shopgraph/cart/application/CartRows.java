package io.shopgraph.cart.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.domain.Cart;
import io.shopgraph.cart.domain.CartLine;
import io.shopgraph.cart.domain.CartStatus;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.persistence.JoinedRead;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The cart commands' rows, in plain SQL: a cart locked with its lines, and what a command changed written back.
 * <p>
 * Why not the {@code Cart}/{@code CartLine} entities' persistence: on the cart add-and-read pair, Hibernate's work
 * around two small rows (the native query mapped to the entity, the persistence context's snapshot, the dirty check
 * and update at commit, the entity insert) was about a sixth of the worker threads' samples, for statements this class
 * writes directly. The entities stay the commands' working objects (plain objects here, never managed); what a
 * command changed is written by {@link #save} in one statement: the cart row, new lines, changed lines, removed lines.
 * <p>
 * Lock, then read the lines, in two statements and in that order: under READ COMMITTED a statement that waited for the
 * cart's lock re-reads the locked row but keeps its snapshot of every other table, so lines read in the same statement
 * as the lock could miss those a concurrent add just committed (a lost update).
 */
@ApplicationScoped
class CartRows {

    // A cart's and a line's columns as cart() and line() map them ({a} is the table's alias, if any); CartReads reads the same.
    private static final String CART_COLUMNS = "{a}id, {a}status, {a}currency_code, {a}customer_id, {a}email, {a}phone, "
            + "{a}country_code, {a}note, array_to_string({a}attribute_keys, chr(31)), array_to_string({a}attribute_values, chr(31)), "
            + "array_to_string({a}discount_codes, chr(31)), {a}ship_name, {a}ship_address1, {a}ship_city, {a}ship_zip, {a}ship_region, "
            + "{a}ship_country, {a}selected_delivery, {a}session_id, {a}created_at, {a}updated_at, {a}expires_at";
    /** How many columns {@link #cartColumns} selects (each names {a} once): where a line's start in a row that joins both. */
    static final int CART_WIDTH = CART_COLUMNS.split("\\{a}", -1).length - 1;
    private static final String LINE_COLUMNS = "{a}id, {a}cart_id, {a}variant_id, {a}product_id, {a}quantity, {a}unit_price_minor, "
            + "{a}currency_code, {a}requires_shipping, array_to_string({a}attribute_keys, chr(31)), "
            + "array_to_string({a}attribute_values, chr(31)), {a}position, {a}booking_slot_id, {a}created_at";
    /** How many columns {@link #lineColumns} selects: where the columns after a cart's and a line's start. */
    static final int LINE_WIDTH = LINE_COLUMNS.split("\\{a}", -1).length - 1;

    /** A cart a command works on: its row, its lines, and the lines as they were read (to write back only changes). */
    static final class Loaded {
        final Cart cart;
        final List<CartLine> lines;
        private final Map<UUID, LineRow> read = new HashMap<>();

        private Loaded(Cart cart, List<CartLine> lines) {
            this.cart = cart;
            this.lines = lines;
            lines.forEach(line -> read.put(line.id, LineRow.of(line)));
        }
    }

    /** What of a line a command may change. */
    private record LineRow(int quantity, long unitPriceMinor, List<String> keys, List<String> values) {

        static LineRow of(CartLine line) {
            return new LineRow(line.quantity, line.unitPriceMinor, Arrays.asList(line.attributeKeys.clone()),
                    Arrays.asList(line.attributeValues.clone()));
        }
    }

    private final NativeRows db;
    private final TenantContext tenant;

    CartRows(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /** The store's cart with this id, whatever its state, locked for this transaction, with its lines; null when none. */
    Loaded lock(UUID id) {
        List<Object[]> rows = db.sql("select " + cartColumns("") + " from cart.cart where store_id = :store and id = :id for update")
                .param("store", store()).param("id", id).list();
        if (rows.isEmpty()) {
            return null;
        }
        return withLines(cart(rows.get(0), 0));
    }

    /**
     * {@link #lock(UUID)}, with another module's read riding on the lock's statement ({@code with}: the catalog's
     * variants a command is about to add), each value it found handed to {@code found}. Only the cart is locked
     * ({@code for update of c}); the joined read is as of the statement's snapshot, which is fine for what is not the
     * cart's (a variant's price is the one at add time either way). The lines are still read after the lock.
     */
    <T> Loaded lock(UUID id, JoinedRead<T> with, Consumer<T> found) {
        List<Object[]> rows = db.query("select " + cartColumns("c") + ", " + with.columns() + " from cart.cart c " + with.join()
                + "where c.store_id = :store and c.id = :id for update of c", with.params(Map.of("store", store(), "id", id)));
        if (rows.isEmpty()) {
            return null;
        }
        for (Object[] r : rows) {
            T value = with.map(r, CART_WIDTH);
            if (value != null) {
                found.accept(value);
            }
        }
        return withLines(cart(rows.get(0), 0));
    }

    /** The locked cart with its lines, read after the lock (the class comment says why). */
    private Loaded withLines(Cart cart) {
        return new Loaded(cart, linesOf(List.of(cart.id)).getOrDefault(cart.id, new ArrayList<>()));
    }

    /** The customer's other open carts, locked, with their lines, in id order (the order every merge locks them in). */
    List<Loaded> lockOpenCartsOf(UUID customerId, UUID except, Instant now) {
        List<Object[]> rows = db.sql("select " + cartColumns("") + " from cart.cart where store_id = :store and customer_id = :customer "
                + "and status = 'OPEN' and id <> :except and expires_at > :now order by id for update")
                .param("store", store()).param("customer", customerId).param("except", except).param("now", now).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Cart> carts = rows.stream().map(r -> cart(r, 0)).toList();
        Map<UUID, List<CartLine>> lines = linesOf(carts.stream().map(c -> c.id).toList());
        return carts.stream().map(c -> new Loaded(c, lines.getOrDefault(c.id, new ArrayList<>()))).toList();
    }

    /** Inserts a new cart and its lines, in one statement, with the outbox's recording of its events when not null. */
    void insert(Cart cart, List<CartLine> lines, EventPublisher.Recording events) {
        LineWrites writes = new LineWrites(events);
        writes.insert(lines);
        writes.runWith(withCart(db.sql("insert into cart.cart (store_id, id, status, currency_code, customer_id, email, phone, country_code, note, "
                + "attribute_keys, attribute_values, discount_codes, ship_name, ship_address1, ship_city, ship_zip, ship_region, "
                + "ship_country, selected_delivery, session_id, created_at, updated_at, expires_at) values (:store, :id, :status, "
                + ":currency, :customer, :email, :phone, :country, :note, :keys, :values, :codes, :shipName, :shipAddress1, :shipCity, "
                + ":shipZip, :shipRegion, :shipCountry, :delivery, :session, :created, :updated, :expires)")
                .param("created", cart.createdAt).param("session", cart.sessionId).param("currency", cart.currencyCode), cart));
    }

    /**
     * Writes back what a command changed, in one statement: the cart's row (every command moves its expiry), the lines it
     * added, those whose quantity, price or attributes changed, and those it removed; and, when {@code events} is not null,
     * the outbox's recording of the command's events (EventPublisher.recording).
     */
    void save(Loaded loaded, List<CartLine> removed, EventPublisher.Recording events) {
        Cart cart = loaded.cart;
        LineWrites writes = new LineWrites(events);
        writes.delete(cart.id, removed);
        List<CartLine> added = new ArrayList<>();
        for (CartLine line : loaded.lines) {
            LineRow was = loaded.read.get(line.id);
            if (was == null) {
                added.add(line);
            } else if (!was.equals(LineRow.of(line))) {
                writes.update(line);
            }
        }
        writes.insert(added);
        writes.runWith(withCart(db.sql("update cart.cart set status = :status, customer_id = :customer, email = :email, phone = :phone, "
                + "country_code = :country, note = :note, attribute_keys = :keys, attribute_values = :values, discount_codes = :codes, "
                + "ship_name = :shipName, ship_address1 = :shipAddress1, ship_city = :shipCity, ship_zip = :shipZip, ship_region = :shipRegion, "
                + "ship_country = :shipCountry, selected_delivery = :delivery, updated_at = :updated, expires_at = :expires "
                + "where store_id = :store and id = :id"), cart));
    }

    /**
     * A command's line writes, run as data-modifying CTEs of the cart row's own statement: one statement per command
     * instead of one per kind of change (PostgreSQL's cost for such small writes is mostly per statement). The CTEs touch
     * only lines and the statement only the cart, and removed, changed and added lines are distinct rows, so the order in
     * which PostgreSQL runs them does not matter. A line's foreign key to its cart is checked at the end of the statement,
     * so a new cart's lines may ride on the cart's insert. With the outbox's recording of the command's events the cart's
     * own write becomes a CTE too and the statement's query is the recording's call (one round trip, not two): the
     * recording touches only the outbox's tables, so it does not matter either when it runs among the CTEs.
     */
    private final class LineWrites {
        private final StringBuilder ctes = new StringBuilder();
        private final Map<String, Object> params = new HashMap<>();
        private final EventPublisher.Recording events;
        private int count;

        LineWrites(EventPublisher.Recording events) {
            this.events = events;
        }

        void delete(UUID cartId, List<CartLine> removed) {
            if (!removed.isEmpty()) {
                params.put("removed_cart", cartId);
                params.put("removed", removed.stream().map(l -> l.id).toList());
                add("delete from cart.cart_line where store_id = :store and cart_id = :removed_cart and id in (:removed)");
            }
        }

        void update(CartLine line) {
            String p = "u" + count + "_";
            params.put(p + "id", line.id);
            params.put(p + "quantity", line.quantity);
            params.put(p + "price", line.unitPriceMinor);
            params.put(p + "keys", line.attributeKeys);
            params.put(p + "values", line.attributeValues);
            add("update cart.cart_line set quantity = :" + p + "quantity, unit_price_minor = :" + p + "price, attribute_keys = :" + p
                    + "keys, attribute_values = :" + p + "values where store_id = :store and id = :" + p + "id");
        }

        void insert(List<CartLine> lines) {
            if (lines.isEmpty()) {
                return;
            }
            StringBuilder sql = new StringBuilder("insert into cart.cart_line (store_id, id, cart_id, variant_id, product_id, quantity, "
                    + "unit_price_minor, currency_code, requires_shipping, attribute_keys, attribute_values, position, booking_slot_id, "
                    + "created_at) values ");
            for (int i = 0; i < lines.size(); i++) {
                CartLine line = lines.get(i);
                // In the column list's order after store_id.
                Object[] values = {line.id, line.cartId, line.variantId, line.productId, line.quantity, line.unitPriceMinor, line.currencyCode,
                        line.requiresShipping, line.attributeKeys, line.attributeValues, line.position, line.bookingSlotId, line.createdAt};
                sql.append(i == 0 ? "(:store" : ", (:store");
                for (int c = 0; c < values.length; c++) {
                    String name = "i" + i + "_" + c;
                    sql.append(", :").append(name);
                    params.put(name, values[c]);
                }
                sql.append(')');
            }
            add(sql.toString());
        }

        private void add(String sql) {
            ctes.append(count == 0 ? "with " : ", ").append("w").append(count++).append(" as (").append(sql).append(") ");
        }

        /** Runs {@code cartStatement} (the cart row's insert or update) with these writes (and the events) riding along. */
        void runWith(NativeRows.Statement cartStatement) {
            Map<String, Object> all = new HashMap<>(cartStatement.params());
            all.putAll(params);
            if (events == null) {
                db.update(ctes + cartStatement.sql(), all);
                return;
            }
            add(cartStatement.sql());
            all.putAll(events.params());
            db.query(ctes + "select " + events.call(), all);
        }
    }

    /** Binds the cart's columns an insert and an update share (the update's key included: store and id). */
    private NativeRows.Statement withCart(NativeRows.Statement statement, Cart cart) {
        return statement.param("store", store()).param("id", cart.id).param("status", cart.status.name()).param("customer", cart.customerId)
                .param("email", cart.email).param("phone", cart.phone).param("country", cart.countryCode).param("note", cart.note)
                .param("keys", cart.attributeKeys).param("values", cart.attributeValues).param("codes", cart.discountCodes)
                .param("shipName", cart.shipName).param("shipAddress1", cart.shipAddress1).param("shipCity", cart.shipCity)
                .param("shipZip", cart.shipZip).param("shipRegion", cart.shipRegion).param("shipCountry", cart.shipCountry)
                .param("delivery", cart.selectedDelivery).param("updated", cart.updatedAt).param("expires", cart.expiresAt);
    }

    /** Marks carts folded into another one MERGED. */
    void markMerged(List<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            db.sql("update cart.cart set status = 'MERGED', updated_at = :now where store_id = :store and id in (:ids)")
                    .param("store", store()).param("ids", ids).param("now", now).update();
        }
    }

    private Map<UUID, List<CartLine>> linesOf(List<UUID> cartIds) {
        Map<UUID, List<CartLine>> lines = new LinkedHashMap<>();
        for (Object[] r : db.sql("select " + lineColumns("") + " from cart.cart_line where store_id = :store and cart_id in (:carts) "
                + "order by cart_id, position").param("store", store()).param("carts", cartIds).list()) {
            CartLine line = line(r, 0);
            lines.computeIfAbsent(line.cartId, k -> new ArrayList<>()).add(line);
        }
        return lines;
    }

    /** The cart's columns, on the table alias {@code alias} ("" for none), as {@link #cart} maps them. */
    static String cartColumns(String alias) {
        return CART_COLUMNS.replace("{a}", alias.isEmpty() ? "" : alias + ".");
    }

    /** A line's columns, on the table alias {@code alias} ("" for none), as {@link #line} maps them. */
    static String lineColumns(String alias) {
        return LINE_COLUMNS.replace("{a}", alias.isEmpty() ? "" : alias + ".");
    }

    /** The cart in the row's columns from {@code at} on ({@link #cartColumns}). */
    static Cart cart(Object[] r, int at) {
        Cart cart = new Cart();
        cart.id = CartReads.uuid(r[at]);
        cart.status = CartStatus.valueOf((String) r[at + 1]);
        cart.currencyCode = (String) r[at + 2];
        cart.customerId = r[at + 3] == null ? null : CartReads.uuid(r[at + 3]);
        cart.email = (String) r[at + 4];
        cart.phone = (String) r[at + 5];
        cart.countryCode = (String) r[at + 6];
        cart.note = (String) r[at + 7];
        cart.attributeKeys = CartReads.keys(r[at + 8]);
        cart.attributeValues = CartReads.values(r[at + 9], cart.attributeKeys.length);
        cart.discountCodes = CartReads.keys(r[at + 10]);
        cart.shipName = (String) r[at + 11];
        cart.shipAddress1 = (String) r[at + 12];
        cart.shipCity = (String) r[at + 13];
        cart.shipZip = (String) r[at + 14];
        cart.shipRegion = (String) r[at + 15];
        cart.shipCountry = (String) r[at + 16];
        cart.selectedDelivery = (String) r[at + 17];
        cart.sessionId = r[at + 18] == null ? null : CartReads.uuid(r[at + 18]);
        cart.createdAt = CartReads.instant(r[at + 19]);
        cart.updatedAt = CartReads.instant(r[at + 20]);
        cart.expiresAt = CartReads.instant(r[at + 21]);
        return cart;
    }

    /** The line in the row's columns from {@code at} on ({@link #lineColumns}); null when they are empty (an outer join). */
    static CartLine line(Object[] r, int at) {
        if (r[at] == null) {
            return null;
        }
        CartLine line = new CartLine();
        line.id = CartReads.uuid(r[at]);
        line.cartId = CartReads.uuid(r[at + 1]);
        line.variantId = CartReads.uuid(r[at + 2]);
        line.productId = CartReads.uuid(r[at + 3]);
        line.quantity = ((Number) r[at + 4]).intValue();
        line.unitPriceMinor = ((Number) r[at + 5]).longValue();
        line.currencyCode = (String) r[at + 6];
        line.requiresShipping = (Boolean) r[at + 7];
        line.attributeKeys = CartReads.keys(r[at + 8]);
        line.attributeValues = CartReads.values(r[at + 9], line.attributeKeys.length);
        line.position = ((Number) r[at + 10]).intValue();
        line.bookingSlotId = r[at + 11] == null ? null : CartReads.uuid(r[at + 11]);
        line.createdAt = CartReads.instant(r[at + 12]);
        return line;
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
