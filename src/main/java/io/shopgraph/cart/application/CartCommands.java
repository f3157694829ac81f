package io.shopgraph.cart.application;

import io.shopgraph.cart.api.CartViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartViews.CartMergeView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.api.events.CartBuyerIdentityUpdated;
import io.shopgraph.cart.api.events.CartCreated;
import io.shopgraph.cart.api.events.CartLineAdded;
import io.shopgraph.cart.api.events.CartLineRemoved;
import io.shopgraph.cart.api.events.CartLineUpdated;
import io.shopgraph.cart.api.events.CartMerged;
import io.shopgraph.cart.application.SessionRecorder.Recorded;
import io.shopgraph.cart.domain.Attribute;
import io.shopgraph.cart.domain.Cart;
import io.shopgraph.cart.domain.CartErrorCode;
import io.shopgraph.cart.domain.CartLimits;
import io.shopgraph.cart.domain.CartLine;
import io.shopgraph.cart.domain.CartRules;
import io.shopgraph.cart.domain.CartStatus;
import io.shopgraph.cart.domain.SessionEventType;
import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.bookings.api.SlotSnapshot;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.customers.api.CustomerRef;
import io.shopgraph.customers.api.CustomersApi;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * The cart's use cases, one transaction each. Every mutation of an existing cart first locks the cart's
 * row (SELECT ... FOR UPDATE), so concurrent mutations of one cart run one after the other and none is
 * lost; mutations of different carts never wait for each other.
 */
@ApplicationScoped
public class CartCommands {

    /** A line to add. */
    public record LineRequest(String merchandiseId, int quantity, List<Attribute> attributes, String bookingSlotId) {
    }

    /** A change to a line: a new quantity (0 removes it) and/or new attributes (null keeps them). */
    public record LineChange(String lineId, Integer quantity, List<Attribute> attributes) {
    }

    /** Contact details and sign-in: null keeps a value, "" clears it. */
    public record BuyerIdentity(String email, String phone, String countryCode, String customerAccessToken) {
    }

    /** A new cart's content. */
    public record NewCart(List<LineRequest> lines, String note, List<Attribute> attributes, BuyerIdentity buyerIdentity) {
    }

    /** The cart after a mutation, and what a sign-in merged into it (null when nothing). */
    public record Outcome(CartView cart, CartMergeView merge) {
    }

    private final CartRows rows;
    private final NativeRows db;
    private final CatalogApi catalog;
    private final CustomersApi customers;
    private final StoreApi stores;
    private final TenantContext tenant;
    private final SessionRecorder sessions;
    private final CartLimits limits;
    private final CartConfig config;
    private final EventPublisher outbox;
    private final BookingsApi bookings;

    CartCommands(CartRows rows, NativeRows db, CatalogApi catalog, CustomersApi customers, StoreApi stores, TenantContext tenant,
            SessionRecorder sessions, CartConfig config, EventPublisher outbox, BookingsApi bookings) {
        this.bookings = bookings;
        this.outbox = outbox;
        this.rows = rows;
        this.db = db;
        this.catalog = catalog;
        this.customers = customers;
        this.stores = stores;
        this.tenant = tenant;
        this.sessions = sessions;
        this.config = config;
        this.limits = new CartLimits(config.maxLines(), config.maxLineQuantity(), config.maxCartQuantity(), config.maxAttributes());
    }

    @Transactional
    public Outcome create(NewCart input, Optional<String> sessionToken) {
        StoreId store = tenant.requireStore();
        Instant now = now();
        Cart cart = new Cart();
        cart.id = UUID.randomUUID(); // random, not time-ordered: the id is the key to the cart
        cart.status = CartStatus.OPEN;
        cart.currencyCode = stores.settings(Set.of(store)).get(store).currencyCode();
        cart.note = CartRules.note(input.note(), List.of("input", "note"));
        List<Attribute> attributes = CartRules.cartAttributes(orEmpty(input.attributes()), limits, List.of("input", "attributes"));
        cart.attributeKeys = Attribute.keys(attributes);
        cart.attributeValues = Attribute.values(attributes);
        cart.createdAt = now;
        touch(cart, now);
        List<CartLine> current = new ArrayList<>();
        List<Recorded> events = new ArrayList<>();
        events.add(new Recorded(SessionEventType.CART_CREATED, cart.id, null, null, null));
        if (input.lines() != null && !input.lines().isEmpty()) {
            add(cart, current, input.lines(), List.of("input", "lines"), events, null);
        }
        CartMergeView merge = null;
        List<UUID> mergedAtCreation = new ArrayList<>();
        if (input.buyerIdentity() != null) {
            List<UUID> merged = new ArrayList<>();
            merge = identify(cart, current, input.buyerIdentity(), List.of("input", "buyerIdentity"), merged);
            mergedAtCreation.addAll(merged);
        }
        // Recorded before the cart is persisted so the cart is inserted once, with its session.
        cart.sessionId = sessions.record(sessionToken, events).orElse(null);
        if (cart.sessionId != null && cart.customerId != null) {
            identifySession(cart.sessionId, cart.customerId);
        }
        db.sql("insert into cart.store_activity (store_id) values (:store) on conflict do nothing").param("store", store.value()).update();
        List<DomainEvent> published = new ArrayList<>();
        mergedAtCreation.forEach(source -> published.add(new CartMerged(source, cart.id)));
        published.add(new CartCreated(cart.id, cart.sessionId, cart.currencyCode, cart.createdAt));
        published.addAll(changes(cart, Map.of(), current, true, List.of()));
        if (input.buyerIdentity() != null) {
            published.add(identityEvent(cart));
        }
        rows.insert(cart, current, outbox.recording(published));
        return new Outcome(CartAssembler.view(cart, current), merge);
    }

    @Transactional
    public Outcome addLines(String cartId, List<LineRequest> requests, Optional<String> sessionToken) {
        // The variants to add are read on the cart's lock statement (one statement, not two); add() refuses what is
        // malformed or missing exactly as when it reads them itself.
        List<UUID> asked = requests.size() > limits.maxLines() ? List.of() : requests.stream()
                .map(r -> GlobalId.parse(r.merchandiseId(), ProductVariantView.TYPE)).flatMap(Optional::stream).distinct().toList();
        Map<UUID, PurchasableVariant> variants = new HashMap<>();
        CartRows.Loaded loaded = asked.isEmpty() ? lock(cartId) : lock(cartId, id -> rows.lock(id,
                catalog.purchasableVariantsJoin(asked), (PurchasableVariant v) -> variants.put(v.variantId(), v)));
        Cart cart = loaded.cart;
        List<CartLine> current = loaded.lines;
        Map<UUID, LineState> before = states(current);
        if (requests.isEmpty()) {
            throw new DomainException(CartErrorCode.INVALID_INPUT, List.of("lines"), "List at least one line.");
        }
        List<Recorded> events = new ArrayList<>();
        add(cart, current, requests, List.of("lines"), events, asked.isEmpty() ? null : variants);
        touch(cart, now());
        rows.save(loaded, List.of(), outbox.recording(changes(cart, before, current, true, List.of())));
        sessions.record(sessionToken, events);
        return new Outcome(CartAssembler.view(cart, current), null);
    }

    @Transactional
    public Outcome updateLines(String cartId, List<LineChange> changes, Optional<String> sessionToken) {
        CartRows.Loaded loaded = lock(cartId);
        Cart cart = loaded.cart;
        List<CartLine> current = loaded.lines;
        Map<UUID, LineState> before = states(current);
        List<CartLine> removed = new ArrayList<>();
        if (changes.isEmpty() || changes.size() > limits.maxLines()) {
            throw new DomainException(CartErrorCode.INVALID_INPUT, List.of("lines"), "List 1 to " + limits.maxLines() + " lines.");
        }
        Set<UUID> seen = new HashSet<>();
        Map<UUID, PurchasableVariant> variants = null;
        List<Recorded> events = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            LineChange change = changes.get(i);
            List<String> field = List.of("lines", String.valueOf(i));
            CartLine line = line(current, change.lineId(), append(field, "id"));
            if (!seen.add(line.id)) {
                throw new DomainException(CartErrorCode.INVALID_INPUT, append(field, "id"), "A line appears twice.");
            }
            if (change.quantity() != null && change.quantity() == 0) {
                current.remove(line);
                removed.add(line);
                events.add(new Recorded(SessionEventType.LINE_REMOVED, cart.id, line.variantId, line.quantity, null));
                continue;
            }
            if (variants == null) {
                variants = catalog.purchasableVariants(current.stream().map(l -> l.variantId).distinct().toList());
            }
            PurchasableVariant variant = variants.get(line.variantId);
            if (variant == null || !variant.purchasable()) {
                // The line stays as it is (with its PRODUCT_UNAVAILABLE warning); it can only be removed.
                throw new DomainException(CartErrorCode.INVALID_MERCHANDISE_LINE, append(field, "id"),
                        "This line's variant can no longer be bought; remove the line.");
            }
            if (change.quantity() != null) {
                CartRules.quantity(change.quantity(), limits, append(field, "quantity"));
                if (line.bookingSlotId != null && change.quantity() > line.quantity) {
                    SlotSnapshot slot = bookings.slots(List.of(line.bookingSlotId)).get(line.bookingSlotId);
                    if (slot == null || !slot.bookable(change.quantity(), Instant.now())) {
                        throw new DomainException(CartErrorCode.BOOKING_SLOT_UNAVAILABLE, append(field, "quantity"),
                                "The line's slot has started or has fewer free places" + (slot == null ? "." : " (" + slot.remaining() + ")."));
                    }
                }
                line.quantity = change.quantity();
            }
            if (change.attributes() != null) {
                List<Attribute> attributes = CartRules.lineAttributes(change.attributes(), variant.lineAttributes(), field);
                line.attributeKeys = Attribute.keys(attributes);
                line.attributeValues = Attribute.values(attributes);
            }
            line.unitPriceMinor = variant.price().minorUnits();
            events.add(new Recorded(SessionEventType.LINE_UPDATED, cart.id, line.variantId, line.quantity, null));
        }
        CartRules.totals(current.size(), units(current), limits);
        touch(cart, now());
        rows.save(loaded, removed, outbox.recording(changes(cart, before, current, false, removed)));
        sessions.record(sessionToken, events);
        return new Outcome(CartAssembler.view(cart, current), null);
    }

    @Transactional
    public Outcome removeLines(String cartId, List<String> lineIds, Optional<String> sessionToken) {
        CartRows.Loaded loaded = lock(cartId);
        Cart cart = loaded.cart;
        List<CartLine> current = loaded.lines;
        Map<UUID, LineState> before = states(current);
        List<CartLine> removed = new ArrayList<>();
        if (lineIds.isEmpty() || lineIds.size() > limits.maxLines()) {
            throw new DomainException(CartErrorCode.INVALID_INPUT, List.of("lineIds"), "List 1 to " + limits.maxLines() + " lines.");
        }
        List<Recorded> events = new ArrayList<>();
        for (int i = 0; i < lineIds.size(); i++) {
            CartLine line = line(current, lineIds.get(i), List.of("lineIds", String.valueOf(i)));
            current.remove(line);
            removed.add(line);
            events.add(new Recorded(SessionEventType.LINE_REMOVED, cart.id, line.variantId, line.quantity, null));
        }
        touch(cart, now());
        rows.save(loaded, removed, outbox.recording(changes(cart, before, current, false, removed)));
        sessions.record(sessionToken, events);
        return new Outcome(CartAssembler.view(cart, current), null);
    }

    @Transactional
    public Outcome updateNote(String cartId, String note) {
        CartRows.Loaded loaded = lock(cartId);
        Cart cart = loaded.cart;
        cart.note = CartRules.note(note, List.of("note"));
        touch(cart, now());
        rows.save(loaded, List.of(), null);
        return new Outcome(CartAssembler.view(cart, loaded.lines), null);
    }

    /** Replaces the discount codes (checkout validated them); empty for a cart {@link #lock} would refuse. */
    @Transactional
    public Optional<CartView> replaceDiscountCodes(String cartId, List<String> codes) {
        return change(cartId, cart -> cart.discountCodes = codes.toArray(String[]::new));
    }

    /** Applies a change checkout validated to the locked cart; empty for a cart {@link #lock} would refuse. */
    @Transactional
    public Optional<CartView> change(String cartId, java.util.function.Consumer<Cart> change) {
        CartRows.Loaded loaded = open(cartId);
        if (loaded == null) {
            return Optional.empty();
        }
        change.accept(loaded.cart);
        touch(loaded.cart, now());
        rows.save(loaded, List.of(), null);
        return Optional.of(CartAssembler.view(loaded.cart, loaded.lines));
    }

    /** Replaces the cart's attributes (Shopify's cartAttributesUpdate semantics). */
    @Transactional
    public Outcome updateAttributes(String cartId, List<Attribute> attributes) {
        CartRows.Loaded loaded = lock(cartId);
        Cart cart = loaded.cart;
        List<Attribute> checked = CartRules.cartAttributes(attributes, limits, List.of("attributes"));
        cart.attributeKeys = Attribute.keys(checked);
        cart.attributeValues = Attribute.values(checked);
        touch(cart, now());
        rows.save(loaded, List.of(), null);
        return new Outcome(CartAssembler.view(cart, loaded.lines), null);
    }

    @Transactional
    public Outcome updateBuyerIdentity(String cartId, BuyerIdentity identity) {
        CartRows.Loaded loaded = lock(cartId);
        Cart cart = loaded.cart;
        List<CartLine> current = loaded.lines;
        Map<UUID, LineState> before = states(current);
        List<UUID> merged = new ArrayList<>();
        CartMergeView merge = identify(cart, current, identity, List.of("buyerIdentity"), merged);
        touch(cart, now());
        List<DomainEvent> published = new ArrayList<>();
        merged.forEach(source -> published.add(new CartMerged(source, cart.id)));
        published.addAll(changes(cart, before, current, true, List.of()));
        published.add(identityEvent(cart));
        rows.save(loaded, List.of(), outbox.recording(published));
        return new Outcome(CartAssembler.view(cart, current), merge);
    }

    /** Adds lines: each to an equal line (same variant, same attributes) when there is one, else as a new line. */
    private void add(Cart cart, List<CartLine> current, List<LineRequest> requests, List<String> field, List<Recorded> events,
            Map<UUID, PurchasableVariant> read) {
        if (requests.size() > limits.maxLines()) {
            throw new DomainException(CartErrorCode.TOO_MANY_LINES, field, "A cart has at most " + limits.maxLines() + " lines.");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            ids.add(GlobalId.parse(requests.get(i).merchandiseId(), ProductVariantView.TYPE).orElseThrow(() -> invalidMerchandise(
                    append(append(field, String.valueOf(index)), "merchandiseId"))));
        }
        // read: the variants of every id already read with the cart's lock, or null to read them here.
        Map<UUID, PurchasableVariant> variants = read != null ? read : catalog.purchasableVariants(new LinkedHashSet<>(ids));
        List<UUID> slotIds = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String slot = requests.get(i).bookingSlotId();
            int index = i;
            slotIds.add(slot == null ? null : GlobalId.parse(slot, BookingSlotView.TYPE).orElseThrow(() -> invalidSlot(
                    append(append(field, String.valueOf(index)), "bookingSlotId"))));
        }
        // Slots are looked up only when a service or a slot is involved: other carts pay no statement for them.
        boolean services = variants.values().stream().anyMatch(v -> v.kind() == ProductKind.SERVICE);
        Set<UUID> bookable = services ? bookings.bookableVariants(variants.keySet()) : Set.of();
        List<UUID> chosen = slotIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<UUID, SlotSnapshot> slots = chosen.isEmpty() ? Map.of() : bookings.slots(chosen);
        Instant now = now();
        for (int i = 0; i < requests.size(); i++) {
            LineRequest request = requests.get(i);
            List<String> at = append(field, String.valueOf(i));
            PurchasableVariant variant = variants.get(ids.get(i));
            if (variant == null || !variant.purchasable() || !variant.price().currencyCode().equals(cart.currencyCode.strip())) {
                throw invalidMerchandise(append(at, "merchandiseId"));
            }
            CartRules.quantity(request.quantity(), limits, append(at, "quantity"));
            List<Attribute> attributes = CartRules.lineAttributes(orEmpty(request.attributes()), variant.lineAttributes(), at);
            UUID slotId = slotIds.get(i);
            if (slotId == null && bookable.contains(variant.variantId())) {
                throw new DomainException(CartErrorCode.BOOKING_SLOT_REQUIRED, append(at, "bookingSlotId"),
                        "This service is booked by time slot: choose one of its bookingSlots.");
            }
            SlotSnapshot slot = slotId == null ? null : slots.get(slotId);
            if (slotId != null && (slot == null || !slot.variantId().equals(variant.variantId()))) {
                throw invalidSlot(append(at, "bookingSlotId"));
            }
            CartLine equal = current.stream().filter(l -> l.variantId.equals(variant.variantId())
                    && Attribute.fromArrays(l.attributeKeys, l.attributeValues).equals(attributes)
                    && Objects.equals(l.bookingSlotId, slotId)).findFirst().orElse(null);
            int wanted = request.quantity() + (equal == null ? 0 : equal.quantity);
            if (slot != null && !slot.bookable(wanted, Instant.now())) {
                throw new DomainException(CartErrorCode.BOOKING_SLOT_UNAVAILABLE, append(at, "bookingSlotId"),
                        "This slot has started or has only " + slot.remaining() + " free places.");
            }
            if (equal != null) {
                CartRules.quantity(equal.quantity + request.quantity(), limits, append(at, "quantity"));
                equal.quantity += request.quantity();
                equal.unitPriceMinor = variant.price().minorUnits();
            } else {
                CartLine line = new CartLine();
                line.id = Ids.newId();
                line.cartId = cart.id;
                line.variantId = variant.variantId();
                line.productId = variant.productId();
                line.quantity = request.quantity();
                line.unitPriceMinor = variant.price().minorUnits();
                line.currencyCode = variant.price().currencyCode();
                // A booked service is attended, never shipped.
                line.requiresShipping = variant.requiresShipping() && slotId == null;
                line.bookingSlotId = slotId;
                line.attributeKeys = Attribute.keys(attributes);
                line.attributeValues = Attribute.values(attributes);
                line.position = current.stream().mapToInt(l -> l.position + 1).max().orElse(0);
                line.createdAt = now;
                current.add(line);
            }
            events.add(new Recorded(SessionEventType.LINE_ADDED, cart.id, variant.variantId(), request.quantity(), null));
        }
        CartRules.totals(current.size(), units(current), limits);
    }

    /**
     * Contact details, and sign-in: a customer access token attaches the cart to its customer and folds the
     * customer's other open carts into this one (equal lines add their quantities up to the line limit; other
     * lines are copied while the cart's limits allow), then marks them MERGED.
     */
    private CartMergeView identify(Cart cart, List<CartLine> current, BuyerIdentity identity, List<String> field, List<UUID> merged) {
        String email = CartRules.email(identity.email(), append(field, "email"));
        String phone = CartRules.phone(identity.phone(), append(field, "phone"));
        String country = CartRules.country(identity.countryCode(), append(field, "countryCode"));
        CartMergeView merge = null;
        if (identity.customerAccessToken() != null) {
            CustomerRef customer = customers.customerForAccessToken(identity.customerAccessToken())
                    .orElseThrow(() -> new DomainException(CartErrorCode.INVALID_CUSTOMER_ACCESS_TOKEN,
                            append(field, "customerAccessToken"), "The customer access token is unknown, expired or revoked."));
            cart.customerId = customer.id();
            if (cart.email == null && email == null) {
                cart.email = customer.email();
            }
            merge = mergeOtherCarts(cart, current, customer.id(), merged);
            if (cart.sessionId != null) {
                identifySession(cart.sessionId, customer.id());
            }
        }
        if (email != null) {
            cart.email = email.isEmpty() ? null : email;
        }
        if (phone != null) {
            cart.phone = phone.isEmpty() ? null : phone;
        }
        if (country != null) {
            cart.countryCode = country.isEmpty() ? null : country;
        }
        return merge;
    }

    /** The session stops being pseudonymous: analytics may now tie it to the customer. */
    private void identifySession(UUID sessionId, UUID customerId) {
        db.sql("update cart.shopper_session set customer_id = :customer where store_id = :store and id = :id")
                .param("customer", customerId).param("store", tenant.requireStore().value()).param("id", sessionId).update();
    }

    private CartMergeView mergeOtherCarts(Cart cart, List<CartLine> current, UUID customerId, List<UUID> merged) {
        Instant now = now();
        List<CartRows.Loaded> others = rows.lockOpenCartsOf(customerId, cart.id, now);
        if (others.isEmpty()) {
            return null;
        }
        int mergedLines = 0;
        int dropped = 0;
        List<String> limited = new ArrayList<>();
        List<CartLine> incoming = others.stream().flatMap(other -> other.lines.stream()).toList();
        for (CartLine source : incoming) {
            long units = units(current);
            CartLine equal = current.stream().filter(l -> l.variantId.equals(source.variantId)
                    && java.util.Arrays.equals(l.attributeKeys, source.attributeKeys)
                    && java.util.Arrays.equals(l.attributeValues, source.attributeValues)
                    && Objects.equals(l.bookingSlotId, source.bookingSlotId)).findFirst().orElse(null);
            if (equal != null) {
                int room = (int) Math.min(limits.maxLineQuantity() - equal.quantity, limits.maxCartQuantity() - units);
                int added = Math.max(0, Math.min(source.quantity, room));
                equal.quantity = CartRules.mergedQuantity(equal.quantity, added, limits);
                if (added < source.quantity) {
                    limited.add(GlobalId.format(CartViews.LINE, equal.id));
                }
                mergedLines++;
            } else if (current.size() < limits.maxLines() && units < limits.maxCartQuantity()) {
                CartLine copy = new CartLine();
                copy.id = Ids.newId();
                copy.cartId = cart.id;
                copy.variantId = source.variantId;
                copy.productId = source.productId;
                copy.quantity = (int) Math.min(source.quantity, limits.maxCartQuantity() - units);
                copy.unitPriceMinor = source.unitPriceMinor;
                copy.currencyCode = source.currencyCode;
                copy.requiresShipping = source.requiresShipping;
                copy.attributeKeys = source.attributeKeys;
                copy.attributeValues = source.attributeValues;
                copy.bookingSlotId = source.bookingSlotId;
                copy.position = current.stream().mapToInt(l -> l.position + 1).max().orElse(0);
                copy.createdAt = now;
                current.add(copy);
                if (copy.quantity < source.quantity) {
                    limited.add(GlobalId.format(CartViews.LINE, copy.id));
                }
                mergedLines++;
            } else {
                dropped++;
            }
        }
        others.forEach(other -> merged.add(other.cart.id));
        rows.markMerged(merged, now);
        return new CartMergeView(mergedLines, List.copyOf(new LinkedHashSet<>(limited)), dropped);
    }

    /** The open cart with this id, locked for this transaction, with its lines; CART_NOT_FOUND for anything else, all alike. */
    private CartRows.Loaded lock(String cartId) {
        return lock(cartId, rows::lock);
    }

    /** {@link #lock(String)} with another locking read of the cart's rows (one that brings the variants to add along). */
    private CartRows.Loaded lock(String cartId, Function<UUID, CartRows.Loaded> locking) {
        CartRows.Loaded loaded = open(cartId, locking);
        if (loaded == null) {
            throw new DomainException(CartErrorCode.CART_NOT_FOUND, List.of("cartId"), "No cart with this id exists.");
        }
        return loaded;
    }

    /** The open cart with this id, locked, with its lines; null for a malformed, unknown, foreign, expired or closed id. */
    private CartRows.Loaded open(String cartId) {
        return open(cartId, rows::lock);
    }

    private static CartRows.Loaded open(String cartId, Function<UUID, CartRows.Loaded> locking) {
        CartRows.Loaded loaded = GlobalId.parse(cartId, CartViews.CART).map(locking).orElse(null);
        return loaded != null && loaded.cart.isOpenAt(Instant.now()) ? loaded : null;
    }

    private static CartLine line(List<CartLine> current, String lineId, List<String> field) {
        Optional<UUID> id = GlobalId.parse(lineId, CartViews.LINE);
        return current.stream().filter(l -> id.isPresent() && l.id.equals(id.get())).findFirst().orElseThrow(() ->
                new DomainException(CartErrorCode.LINE_NOT_FOUND, field, "This cart has no line with this id."));
    }

    /** What a line was before a mutation, to tell the outbox what changed. */
    private record LineState(int quantity, List<Attribute> attributes, long unitPriceMinor) {
    }

    private static Map<UUID, LineState> states(List<CartLine> current) {
        Map<UUID, LineState> states = new java.util.HashMap<>();
        current.forEach(l -> states.put(l.id, new LineState(l.quantity, Attribute.fromArrays(l.attributeKeys, l.attributeValues),
                l.unitPriceMinor)));
        return states;
    }

    /**
     * The outbox events of a mutation, from the lines before and after it: units gained by an add (or a merge) are
     * CartLineAdded, other changes CartLineUpdated, lines gone CartLineRemoved.
     */
    private static List<DomainEvent> changes(Cart cart, Map<UUID, LineState> before, List<CartLine> current, boolean adding,
            List<CartLine> removed) {
        List<DomainEvent> result = new ArrayList<>();
        for (CartLine line : current) {
            LineState was = before.get(line.id);
            if (was == null) {
                result.add(new CartLineAdded(cart.id, cart.sessionId, line.id, line.variantId, line.productId, line.quantity, line.quantity,
                        line.unitPriceMinor, line.currencyCode.strip()));
            } else if (adding && line.quantity > was.quantity()) {
                result.add(new CartLineAdded(cart.id, cart.sessionId, line.id, line.variantId, line.productId, line.quantity - was.quantity(),
                        line.quantity, line.unitPriceMinor, line.currencyCode.strip()));
            } else if (line.quantity != was.quantity() || line.unitPriceMinor != was.unitPriceMinor()
                    || !Attribute.fromArrays(line.attributeKeys, line.attributeValues).equals(was.attributes())) {
                result.add(new CartLineUpdated(cart.id, cart.sessionId, line.id, line.variantId, line.productId, was.quantity(), line.quantity,
                        line.unitPriceMinor, line.currencyCode.strip()));
            }
        }
        for (CartLine line : removed) {
            result.add(new CartLineRemoved(cart.id, cart.sessionId, line.id, line.variantId, line.productId, line.quantity,
                    line.unitPriceMinor, line.currencyCode.strip()));
        }
        return result;
    }

    private static CartBuyerIdentityUpdated identityEvent(Cart cart) {
        return new CartBuyerIdentityUpdated(cart.id, cart.sessionId, cart.customerId, cart.email, cart.phone,
                cart.countryCode == null ? null : cart.countryCode.strip());
    }

    /** Now, at the database's precision, so that what a mutation answers is what a later read answers. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private void touch(Cart cart, Instant now) {
        cart.updatedAt = now;
        cart.expiresAt = now.plus(config.idleExpiry());
    }

    private static long units(List<CartLine> current) {
        return current.stream().mapToLong(l -> l.quantity).sum();
    }

    private static DomainException invalidSlot(List<String> field) {
        return new DomainException(CartErrorCode.INVALID_BOOKING_SLOT, field, "No slot of this variant has this id.");
    }

    private static DomainException invalidMerchandise(List<String> field) {
        return new DomainException(CartErrorCode.INVALID_MERCHANDISE_LINE, field, "No variant with this id can be bought here.");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field);
        result.add(name);
        return result;
    }
}
