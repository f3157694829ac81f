package io.shopgraph.checkout.application.completion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.bookings.api.BookingRequest;
import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews;
import io.shopgraph.cart.api.CartViews.AttributeView;
import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.checkout.application.pricing.CartPricing;
import io.shopgraph.checkout.application.pricing.DiscountUsage;
import io.shopgraph.checkout.domain.completion.CheckoutChecks;
import io.shopgraph.checkout.domain.completion.CheckoutErrorCode;
import io.shopgraph.checkout.domain.completion.CheckoutRejected;
import io.shopgraph.checkout.domain.completion.PaymentPlan;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.customers.api.CustomerRef;
import io.shopgraph.customers.api.CustomersApi;
import io.shopgraph.inventory.api.InventoryApi;
import io.shopgraph.inventory.api.StockReservation;
import io.shopgraph.orders.api.NewOrder;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.orders.api.PlacedOrder;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * checkoutComplete's transaction: claim the idempotency key, re-validate the cart, reserve its stock, place the
 * order and complete the cart — all or nothing. The key's row is inserted first: a concurrent call with the
 * same key waits on it and then replays; a refused checkout rolls the key back with everything else.
 */
@ApplicationScoped
@RegisterForReflection(targets = {PricedCart.class, PricedCart.Line.class})
public class CheckoutPlacement {

    /**
     * What the transaction produced: the order, its number, its guest token, what its first payment asks
     * ({@code dueNowMinor}: the total, or the amount due now of a deposit plan) and whether it was placed by an earlier call.
     */
    public record Placed(UUID orderId, long number, String token, long dueNowMinor, String currencyCode, boolean replay) {
    }

    private final NativeRows db;
    private final TenantContext tenant;
    private final CartApi carts;
    private final CatalogApi catalog;
    private final InventoryApi inventory;
    private final OrdersApi orders;
    private final CustomersApi customers;
    private final CartPricing pricing;
    private final CheckoutRequirements requirements;
    private final DiscountUsage discountUsage;
    private final CheckoutProgress progress;
    private final Jsonb jsonb;
    private final BookingsApi bookings;

    CheckoutPlacement(NativeRows db, TenantContext tenant, CartApi carts, CatalogApi catalog, InventoryApi inventory, OrdersApi orders,
            CustomersApi customers, CartPricing pricing, CheckoutRequirements requirements, DiscountUsage discountUsage, CheckoutProgress progress, Jsonb jsonb,
            BookingsApi bookings) {
        this.bookings = bookings;
        this.db = db;
        this.tenant = tenant;
        this.carts = carts;
        this.catalog = catalog;
        this.inventory = inventory;
        this.orders = orders;
        this.customers = customers;
        this.pricing = pricing;
        this.requirements = requirements;
        this.discountUsage = discountUsage;
        this.progress = progress;
        this.jsonb = jsonb;
    }

    @Transactional
    public Placed place(String cartGlobalId, String idempotencyKey) {
        if (!CheckoutChecks.validKey(idempotencyKey)) {
            throw new CheckoutRejected(CheckoutErrorCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey", "Send an idempotency key of 1 to 255 characters.");
        }
        UUID cartId = GlobalId.parse(cartGlobalId, CartViews.CART)
                .orElseThrow(() -> new CheckoutRejected(CheckoutErrorCode.CART_NOT_FOUND, "cartId", "No open cart has this id."));
        UUID store = tenant.requireStore().value();
        UUID orderId = Ids.newId();
        int claimed = db.sql("insert into checkout.completion (store_id, idempotency_key, cart_id, order_id, created_at) "
                + "values (:store, :key, :cart, :order, now()) on conflict (store_id, idempotency_key) do nothing")
                .param("store", store).param("key", idempotencyKey).param("cart", cartId).param("order", orderId)
                .update();
        if (claimed == 0) {
            return replay(store, idempotencyKey, cartId);
        }
        CartView cart = carts.cart(cartGlobalId)
                .orElseThrow(() -> new CheckoutRejected(CheckoutErrorCode.CART_NOT_FOUND, "cartId", "No open cart has this id."));
        if (cart.allLines().isEmpty()) {
            throw new CheckoutRejected(CheckoutErrorCode.CART_EMPTY, "cartId", "The cart has no lines.");
        }
        String email = cart.buyerIdentity().email();
        if (email == null && cart.customerId() != null) {
            email = customers.customer(cart.customerId()).map(CustomerRef::email).orElse(null);
        }
        if (email == null || email.isBlank()) {
            throw new CheckoutRejected(CheckoutErrorCode.EMAIL_REQUIRED, List.of("cartId"), "Give the cart a contact email first.", List.of());
        }
        requirements.check(cart);

        List<UUID> variantIds = cart.allLines().stream().map(CartLineView::variantId).distinct().toList();
        Map<UUID, PurchasableVariant> variants = catalog.purchasableVariants(variantIds);
        Map<UUID, CheckoutChecks.Current> current = new HashMap<>();
        variants.forEach((id, v) -> current.put(id, new CheckoutChecks.Current(v.price().minorUnits(), v.purchasable())));
        List<CheckoutChecks.Line> checked = cart.allLines().stream()
                .map(l -> new CheckoutChecks.Line(l.uuid(), l.variantId(), l.unitPriceMinor())).toList();
        List<UUID> unavailable = CheckoutChecks.unavailable(checked, current);
        if (!unavailable.isEmpty()) {
            throw new CheckoutRejected(CheckoutErrorCode.PRODUCT_UNAVAILABLE, List.of("cartId"), "Some lines can no longer be bought.", unavailable);
        }
        List<UUID> changed = CheckoutChecks.priceChanged(checked, current);
        if (!changed.isEmpty()) {
            throw new CheckoutRejected(CheckoutErrorCode.PRICE_CHANGED, List.of("cartId"), "Some prices changed since they were added to the cart.", changed);
        }

        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        cart.allLines().forEach(l -> quantities.merge(l.variantId(), l.quantity(), Integer::sum));
        StockReservation reservation = inventory.reserve(orderId, quantities);
        if (!reservation.complete()) {
            List<UUID> lines = cart.allLines().stream().filter(l -> reservation.shortVariantIds().contains(l.variantId()))
                    .map(CartLineView::uuid).toList();
            throw new CheckoutRejected(CheckoutErrorCode.INSUFFICIENT_STOCK, List.of("cartId"), "Not enough stock for some lines.", lines);
        }
        reserveSlots(cart, orderId);

        PricedCart priced = pricing.price(cart);
        requirements.checkPriced(cart, priced);
        Map<UUID, PricedCart.Line> pricedLines = new HashMap<>();
        priced.lines().forEach(l -> pricedLines.put(l.lineId(), l));
        List<NewOrder.Line> lines = new ArrayList<>();
        for (CartLineView line : cart.allLines()) {
            PurchasableVariant variant = variants.get(line.variantId());
            PricedCart.Line p = pricedLines.get(line.uuid());
            lines.add(new NewOrder.Line(line.variantId(), line.productId(), variant.productTitle(), variant.variantTitle(), line.quantity(),
                    p.unitPriceMinor(), p.subtotalMinor(), p.discountMinor(), p.totalMinor(), line.requiresShipping(),
                    line.attributes().stream().map(AttributeView::key).toList(), line.attributes().stream().map(AttributeView::value).toList()));
        }
        Map<UUID, VariantDeposit> deposits = new HashMap<>();
        cart.allLines().forEach(l -> {
            VariantDeposit deposit = variants.get(l.variantId()).deposit();
            if (deposit != null) {
                deposits.put(l.uuid(), deposit);
            }
        });
        PaymentPlan plan = PaymentPlan.of(priced, deposits);
        String contact = email;
        // The rest of this transaction runs before the order takes its number (OrdersApi.place): the store's order counter
        // is locked from then to commit, and every other checkout of the store waits for it.
        PlacedOrder placed = orders.place(new NewOrder(orderId, cart.uuid(), cart.sessionId(), cart.customerId(), email, priced.currencyCode(),
                priced.subtotalMinor(), priced.discountMinor(), priced.shippingMinor(), priced.taxMinor(), priced.totalMinor(),
                jsonb.toJson(priced), requirements.shippingAddressJson(cart).orElse(null), lines,
                plan.hasBalance() ? plan.dueNowMinor() : null), (lineIds, token) -> {
                    nameBookedLines(cart, orderId, lineIds);
                    try {
                        discountUsage.reserve(priced, cart.customerId(), contact, orderId); // joins this transaction
                    } catch (DomainException usedUp) {
                        throw new CheckoutRejected(CheckoutErrorCode.DISCOUNT_NOT_AVAILABLE, List.of("cartId"), usedUp.getMessage(), List.of());
                    }
                    if (!carts.complete(cart.uuid())) {
                        throw new CheckoutRejected(CheckoutErrorCode.CART_NOT_FOUND, "cartId", "No open cart has this id.");
                    }
                    progress.placed(cart);
                    db.sql("update checkout.completion set order_token = :token, total_minor = :total, due_now_minor = :due, "
                            + "currency_code = :currency where store_id = :store and idempotency_key = :key")
                            .param("token", token).param("total", priced.totalMinor()).param("due", plan.dueNowMinor())
                            .param("currency", priced.currencyCode()).param("store", store).param("key", idempotencyKey)
                            .update();
                });
        return new Placed(placed.id(), placed.number(), placed.token(), plan.dueNowMinor(), priced.currencyCode(), false);
    }

    /**
     * Service lines' slots are reserved like stock, right after it in this transaction: one conditional update per slot in
     * slot-id order ({@code booked + q <= capacity}, not started). Before the order is placed, so that a full slot refuses
     * the checkout before it queues for the store's order number (30 shoppers for 10 places must not all wait there);
     * every checkout takes its locks in the same order (stock levels, slots, the order counter), so none deadlock. The
     * bookings are keyed by cart line until the order's lines exist ({@link #nameBookedLines}).
     */
    private void reserveSlots(CartView cart, UUID orderId) {
        List<BookingRequest> requests = cart.allLines().stream().filter(l -> l.bookingSlotId() != null)
                .map(l -> new BookingRequest(l.uuid(), l.variantId(), l.bookingSlotId(), l.quantity())).toList();
        if (requests.isEmpty()) {
            return;
        }
        List<CartLineView> lines = cart.allLines();
        List<UUID> full = bookings.reserve(orderId, requests);
        if (!full.isEmpty()) {
            List<UUID> lineIds = lines.stream().filter(l -> full.contains(l.bookingSlotId())).map(CartLineView::uuid).toList();
            throw new CheckoutRejected(CheckoutErrorCode.SLOT_UNAVAILABLE, List.of("cartId"),
                    "Some time slots have started or have too few free places: choose another slot.", lineIds);
        }
    }

    /** The bookings name the order's lines (placed in cart-line order) instead of the cart's. */
    private void nameBookedLines(CartView cart, UUID orderId, List<UUID> orderLineIds) {
        Map<UUID, UUID> names = new HashMap<>();
        List<CartLineView> lines = cart.allLines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).bookingSlotId() != null) {
                names.put(lines.get(i).uuid(), orderLineIds.get(i));
            }
        }
        if (!names.isEmpty()) {
            bookings.renameLines(orderId, names);
        }
    }

    private Placed replay(UUID store, String key, UUID cartId) {
        List<Object[]> rows = db.sql("select cart_id, order_id, order_token, coalesce(due_now_minor, total_minor), currency_code from checkout.completion "
                + "where store_id = :store and idempotency_key = :key").param("store", store).param("key", key).list();
        Object[] row = rows.get(0);
        if (!cartId.equals(row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString()))) {
            throw new CheckoutRejected(CheckoutErrorCode.IDEMPOTENCY_KEY_MISMATCH, "idempotencyKey",
                    "This idempotency key was already used with another cart.");
        }
        UUID orderId = row[1] instanceof UUID u ? u : UUID.fromString(row[1].toString());
        Optional<Long> number = orders.number(orderId);
        if (number.isEmpty()) {
            throw new CheckoutRejected(CheckoutErrorCode.CART_NOT_FOUND, "cartId", "No open cart has this id.");
        }
        return new Placed(orderId, number.get(), (String) row[2], ((Number) row[3]).longValue(), ((String) row[4]).strip(), true);
    }
}
