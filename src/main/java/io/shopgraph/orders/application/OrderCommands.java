package io.shopgraph.orders.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.orders.api.NewOrder;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.orders.api.PlacedOrder;
import io.shopgraph.orders.api.StockInstruction;
import io.shopgraph.orders.api.events.FulfillmentCreated;
import io.shopgraph.orders.api.events.OrderCancelled;
import io.shopgraph.orders.api.events.OrderPaid;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.orders.api.events.RefundCreated;
import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.orders.domain.OrderRules;
import io.shopgraph.orders.domain.OrderStatus;
import io.shopgraph.payments.api.PaymentErrorCode;
import io.shopgraph.payments.api.PaymentOutcome;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.api.RefundOutcome;
import io.shopgraph.payments.api.RefundRequest;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Every change of an order. Each command locks the order's row first ({@code select ... for update}), so
 * concurrent commands on one order run one after the other and each sees what the previous one did: 20
 * concurrent full refunds give one refund, a webhook racing the synchronous confirmation gives one PAID.
 * Stock moves through {@link StockInstruction}s observed by checkout in the same transaction.
 */
@ApplicationScoped
public class OrderCommands implements OrdersApi {


    private final EntityManager em;
    private final TenantContext tenant;
    private final EventPublisher events;
    private final PaymentsApi payments;
    private final Event<StockInstruction> stock;
    private final OrdersConfig config;
    private final OrderReads reads;
    private final jakarta.transaction.TransactionSynchronizationRegistry synchronizations;
    private final io.shopgraph.platform.tenancy.TenantScope scope;

    OrderCommands(EntityManager em, TenantContext tenant, EventPublisher events, PaymentsApi payments, Event<StockInstruction> stock,
            OrdersConfig config, OrderReads reads, jakarta.transaction.TransactionSynchronizationRegistry synchronizations,
            io.shopgraph.platform.tenancy.TenantScope scope) {
        this.synchronizations = synchronizations;
        this.scope = scope;
        this.config = config;
        this.reads = reads;
        this.em = em;
        this.tenant = tenant;
        this.events = events;
        this.payments = payments;
        this.stock = stock;
    }

    /** The locked state of one order. */
    record Locked(UUID id, long number, OrderStatus status, String currency, long total, long paid, long refunded, String stockState,
            Instant paidAt, Instant cancelledAt, int fulfilledUnits, int totalUnits, UUID sessionId) {

        boolean cancelled() {
            return cancelledAt != null;
        }
    }

    /** One line of a locked order. */
    record LockedLine(UUID id, UUID variantId, int quantity, int fulfilled, int refunded, long totalMinor) {
    }

    // ---------------------------------------------------------------- placing

    @Override
    @Transactional
    public PlacedOrder place(NewOrder order) {
        UUID store = store();
        Instant reservedUntil = Instant.now().plus(config.reservationWindow());
        long number = ((Number) em.createNativeQuery("insert into orders.order_counter (store_id, last_number, next_expiry) "
                + "values (:store, :first, :until) on conflict (store_id) do update set last_number = orders.order_counter.last_number + 1, "
                + "next_expiry = least(orders.order_counter.next_expiry, excluded.next_expiry) returning last_number")
                .setParameter("store", store).setParameter("first", OrderRules.FIRST_NUMBER).setParameter("until", reservedUntil)
                .getSingleResult()).longValue();
        String token = OpaqueTokens.newToken(OrderReads.TOKEN_PREFIX);
        Instant now = Instant.now();
        int units = order.lines().stream().mapToInt(NewOrder.Line::quantity).sum();
        em.createNativeQuery("insert into orders.sales_order (store_id, id, number, status, token_hash, email, currency_code, subtotal_minor, "
                + "discount_minor, shipping_minor, tax_minor, total_minor, pricing, shipping_address, cart_id, session_id, customer_id, "
                + "stock_state, reserved_until, total_units, created_at, updated_at) values (:store, :id, :number, 'PENDING_PAYMENT', :hash, "
                + ":email, :currency, :subtotal, :discount, :shipping, :tax, :total, cast(:pricing as jsonb), cast(:address as jsonb), :cart, "
                + ":session, :customer, 'RESERVED', :until, :units, :now, :now)")
                .setParameter("store", store).setParameter("id", order.id()).setParameter("number", number)
                .setParameter("hash", OrderReads.hash(token)).setParameter("email", order.email()).setParameter("currency", order.currencyCode())
                .setParameter("subtotal", order.subtotalMinor()).setParameter("discount", order.discountMinor())
                .setParameter("shipping", order.shippingMinor()).setParameter("tax", order.taxMinor()).setParameter("total", order.totalMinor())
                .setParameter("pricing", order.pricingJson()).setParameter("address", order.shippingAddressJson())
                .setParameter("cart", order.cartId()).setParameter("session", order.sessionId()).setParameter("customer", order.customerId())
                .setParameter("until", reservedUntil).setParameter("units", units).setParameter("now", now).executeUpdate();
        int position = 0;
        List<OrderPlaced.Line> eventLines = new ArrayList<>();
        List<UUID> lineIds = new ArrayList<>();
        for (NewOrder.Line line : order.lines()) {
            UUID lineId = Ids.newId();
            lineIds.add(lineId);
            em.createNativeQuery("insert into orders.order_line (store_id, id, order_id, position, variant_id, product_id, title, variant_title, "
                    + "quantity, unit_price_minor, subtotal_minor, discount_minor, total_minor, requires_shipping, attribute_keys, attribute_values) "
                    + "values (:store, :id, :order, :position, :variant, :product, :title, :variantTitle, :quantity, :unit, :subtotal, :discount, "
                    + ":total, :shipping, cast(:keys as text[]), cast(:values as text[]))")
                    .setParameter("store", store).setParameter("id", lineId).setParameter("order", order.id())
                    .setParameter("position", position++).setParameter("variant", line.variantId()).setParameter("product", line.productId())
                    .setParameter("title", line.title()).setParameter("variantTitle", line.variantTitle()).setParameter("quantity", line.quantity())
                    .setParameter("unit", line.unitPriceMinor()).setParameter("subtotal", line.subtotalMinor())
                    .setParameter("discount", line.discountMinor()).setParameter("total", line.totalMinor())
                    .setParameter("shipping", line.requiresShipping()).setParameter("keys", pgArray(line.attributeKeys()))
                    .setParameter("values", pgArray(line.attributeValues())).executeUpdate();
            eventLines.add(new OrderPlaced.Line(line.variantId(), line.productId(), line.quantity(), line.totalMinor()));
        }
        timeline(order.id(), "PLACED", "Order placed.", null);
        events.publish(new OrderPlaced(order.id(), number, order.cartId(), order.sessionId(), order.customerId(), order.currencyCode(),
                order.subtotalMinor(), order.discountMinor(), order.shippingMinor(), order.taxMinor(), order.totalMinor(), eventLines, now));
        return new PlacedOrder(order.id(), number, token, lineIds);
    }

    @Override
    public Optional<io.shopgraph.orders.api.OrderViews.OrderView> order(UUID orderId) {
        return reads.byId(orderId);
    }

    @Override
    @Transactional
    public Optional<Long> number(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select number from orders.sales_order where store_id = :store and id = :id")
                .setParameter("store", store()).setParameter("id", orderId).getResultList();
        return rows.stream().findFirst().map(n -> ((Number) n).longValue());
    }

    // ---------------------------------------------------------------- payment state (the one writer)

    @Override
    @Transactional
    public void applyPayment(PaymentView payment) {
        if (payment == null || payment.referenceId() == null) {
            return;
        }
        Optional<Locked> found = lock(payment.referenceId());
        if (found.isEmpty()) {
            return;
        }
        Locked order = found.get();
        List<PaymentView> all = payments.byReferences(List.of(order.id())).getOrDefault(order.id(), List.of());
        long paid = all.stream().filter(p -> p.status() == PaymentStatus.SUCCEEDED).mapToLong(PaymentView::capturedMinor).sum();
        if (paid == order.paid()) {
            if (payment.status() == PaymentStatus.FAILED && !hasTimeline(order.id(), "PAYMENT_FAILED:" + payment.id())) {
                timeline(order.id(), "PAYMENT_FAILED:" + payment.id(), "A payment failed.", null);
            }
            return;
        }
        Instant now = Instant.now();
        boolean becomesPaid = order.paidAt() == null && !order.cancelled() && OrderRules.fullyPaid(order.total(), paid);
        String stockState = order.stockState();
        if (becomesPaid && "RESERVED".equals(stockState)) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.COMMIT, Map.of()));
            stockState = "COMMITTED";
        } else if (becomesPaid && "RELEASED".equals(stockState)) {
            // Paid after its reservation expired: take the stock again if it is still there, else pay the money back.
            StockInstruction again = new StockInstruction(order.id(), StockInstruction.Action.REACQUIRE, quantities(lines(order.id()), false));
            stock.fire(again);
            if (!again.succeeded()) {
                update(order, paid, order.refunded(), stockState, null, now);
                timeline(order.id(), "PAID_AFTER_EXPIRY", "Paid after the reservation expired, and the stock is gone: refunding.", null);
                cancelAndRefund(lock(order.id()).orElseThrow(), "Paid after the reservation expired; out of stock.", null, false);
                return;
            }
            stockState = "COMMITTED";
            timeline(order.id(), "STOCK_REACQUIRED", "Paid after the reservation expired; the stock was reserved again.", null);
        }
        update(order, paid, order.refunded(), stockState, becomesPaid ? now : order.paidAt(), now);
        timeline(order.id(), "PAYMENT", "Payment received: " + money(paid - order.paid(), order.currency()) + ".", null);
        if (becomesPaid) {
            events.publish(new OrderPaid(order.id(), order.number(), order.sessionId(), order.currency(), paid, now));
        }
    }

    /** Manual provider: the merchant records the money as received, then the order follows its payment. */
    @Transactional
    public void markAsPaid(UUID orderId, String actor) {
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        if (order.cancelled()) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "The order is cancelled.");
        }
        if (order.paidAt() != null) {
            return; // already paid: idempotent
        }
        PaymentView pending = payments.byReferences(List.of(orderId)).getOrDefault(orderId, List.of()).stream()
                .filter(p -> p.provider() == PaymentProvider.MANUAL && p.status() != PaymentStatus.FAILED && p.status() != PaymentStatus.CANCELED)
                .findFirst().orElseThrow(() -> new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"),
                        "The order has no manual payment to mark as paid."));
        PaymentOutcome outcome = payments.markPaid(pending.id());
        if (outcome.error() != null) {
            throw new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"), "The payment cannot be marked as paid.");
        }
        timeline(orderId, "MARKED_AS_PAID", "Marked as paid.", actor);
        applyPayment(outcome.payment());
    }

    // ---------------------------------------------------------------- expiry

    @Override
    @Transactional
    public List<UUID> reservationsDue(int limit) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select id from orders.sales_order where store_id = :store and stock_state = 'RESERVED' "
                + "and paid_at is null and reserved_until <= now() order by reserved_until limit :limit")
                .setParameter("store", store()).setParameter("limit", limit).getResultList();
        return rows.stream().map(OrderReads::uuid).toList();
    }

    /** Stores whose earliest reservation end has passed (read for no store: the transaction declares itself a scan). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    @Transactional
    public List<UUID> storesWithReservationsDue(int limit) {
        em.createNativeQuery("select set_config('app.orders_scan', 'on', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select store_id from orders.order_counter where next_expiry <= now() order by next_expiry limit :limit")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(OrderReads::uuid).toList();
    }

    /** After a store's sweep: its next reservation end (null when no unpaid order holds stock). */
    @Transactional
    public void recomputeNextExpiry() {
        em.createNativeQuery("update orders.order_counter set next_expiry = (select min(reserved_until) from orders.sales_order "
                + "where store_id = :store and stock_state = 'RESERVED' and paid_at is null) where store_id = :store")
                .setParameter("store", store()).executeUpdate();
    }

    @Override
    @Transactional
    public boolean expireReservation(UUID orderId) {
        Optional<Locked> found = lock(orderId);
        if (found.isEmpty() || !"RESERVED".equals(found.get().stockState()) || found.get().paidAt() != null) {
            return false;
        }
        stock.fire(new StockInstruction(orderId, StockInstruction.Action.RELEASE, Map.of()));
        em.createNativeQuery("update orders.sales_order set stock_state = 'RELEASED', updated_at = now() where store_id = :store and id = :id")
                .setParameter("store", store()).setParameter("id", orderId).executeUpdate();
        timeline(orderId, "RESERVATION_EXPIRED", "Unpaid when its reservation expired: the stock went back on sale.", null);
        return true;
    }

    // ---------------------------------------------------------------- merchant commands

    @Transactional
    public void cancel(UUID orderId, String reason, String actor) {
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        if (order.cancelled()) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "The order is already cancelled.");
        }
        if (order.fulfilledUnits() > 0) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "A fulfilled order cannot be cancelled; refund it instead.");
        }
        checkLength(reason, 500, "reason");
        cancelAndRefund(order, reason, actor, true);
    }

    /** Releases or restocks the order's stock, pays back what is left, cancels pending payments, marks it CANCELLED. */
    private void cancelAndRefund(Locked order, String reason, String actor, boolean restockCommitted) {
        Instant now = Instant.now();
        List<LockedLine> lines = lines(order.id());
        if ("RESERVED".equals(order.stockState())) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.RELEASE, Map.of()));
        } else if ("COMMITTED".equals(order.stockState()) && restockCommitted) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.RESTOCK, quantities(lines, true)));
        }
        long refunded = order.refunded();
        long left = order.paid() - order.refunded();
        UUID refundId = null;
        for (PaymentView payment : payments.byReferences(List.of(order.id())).getOrDefault(order.id(), List.of())) {
            if (payment.status() == PaymentStatus.SUCCEEDED && left > 0) {
                long amount = Math.min(left, payment.capturedMinor() - payment.refundedMinor());
                if (amount > 0) {
                    requireInTransactionRefunds(payment);
                    RefundOutcome outcome = payments.refund(new RefundRequest(payment.id(), amount, "order-" + order.id() + "-cancel-" + payment.id(),
                            reason == null ? "Order cancelled" : reason));
                    if (outcome.error() != null) {
                        throw new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("id"), "The payment could not be refunded.");
                    }
                    refundId = Ids.newId();
                    insertRefund(refundId, order.id(), outcome.refund().id(), amount, restockCommitted, "[]", reason, now);
                    refunded += amount;
                    left -= amount;
                }
            } else if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.PROCESSING) {
                cancelPayment(payment);
            }
        }
        em.createNativeQuery("update orders.sales_order set status = 'CANCELLED', cancelled_at = :now, updated_at = :now, "
                + "refunded_minor = :refunded, stock_state = 'RELEASED' where store_id = :store and id = :id")
                .setParameter("now", now).setParameter("refunded", refunded).setParameter("store", store()).setParameter("id", order.id())
                .executeUpdate();
        timeline(order.id(), "CANCELLED", "Cancelled" + (reason == null ? "." : ": " + reason), actor);
        long refundedNow = refunded - order.refunded();
        if (refundId != null) {
            events.publish(new RefundCreated(order.id(), order.number(), refundId, order.currency(), refundedNow, restockCommitted, now));
        }
        events.publish(new OrderCancelled(order.id(), order.number(), reason, order.currency(), refundedNow, now));
    }

    /** A line and units to fulfil or refund. */
    public record LineQuantity(UUID lineId, int quantity) {
    }

    @Transactional
    public UUID fulfill(UUID orderId, List<LineQuantity> requested, String company, String number, String url, String actor) {
        checkLength(company, 100, "trackingCompany");
        checkLength(number, 100, "trackingNumber");
        checkLength(url, 2000, "trackingUrl");
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        if (order.cancelled() || order.paidAt() == null || order.status() == OrderStatus.REFUNDED) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "Only a paid order that is not cancelled or refunded can be fulfilled.");
        }
        Map<UUID, LockedLine> lines = byId(lines(orderId));
        List<LineQuantity> wanted = requested == null || requested.isEmpty()
                ? lines.values().stream().filter(l -> l.quantity() - l.refunded() - l.fulfilled() > 0)
                        .map(l -> new LineQuantity(l.id(), l.quantity() - l.refunded() - l.fulfilled())).toList()
                : requested;
        if (wanted.isEmpty()) {
            throw new DomainException(OrderErrorCode.INVALID_QUANTITY, List.of("lines"), "Nothing is left to fulfil.");
        }
        validateLines(wanted, lines, true);
        int units = 0;
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (LineQuantity q : wanted) {
            em.createNativeQuery("update orders.order_line set fulfilled_quantity = fulfilled_quantity + :q where store_id = :store and id = :id")
                    .setParameter("q", q.quantity()).setParameter("store", store()).setParameter("id", q.lineId()).executeUpdate();
            units += q.quantity();
            json.add(Json.createObjectBuilder().add("lineId", q.lineId().toString()).add("quantity", q.quantity()));
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        em.createNativeQuery("insert into orders.fulfillment (store_id, id, order_id, tracking_company, tracking_number, tracking_url, lines, "
                + "created_at) values (:store, :id, :order, :company, :number, :url, cast(:lines as jsonb), :now)")
                .setParameter("store", store()).setParameter("id", id).setParameter("order", orderId).setParameter("company", blank(company))
                .setParameter("number", blank(number)).setParameter("url", blank(url)).setParameter("lines", json.build().toString())
                .setParameter("now", now).executeUpdate();
        Locked after = new Locked(order.id(), order.number(), order.status(), order.currency(), order.total(), order.paid(), order.refunded(),
                order.stockState(), order.paidAt(), order.cancelledAt(), order.fulfilledUnits() + units, order.totalUnits(), order.sessionId());
        update(after, order.paid(), order.refunded(), order.stockState(), order.paidAt(), now);
        timeline(orderId, "FULFILLED", units + " unit(s) fulfilled" + (blank(number) == null ? "." : ", tracking " + number + "."), actor);
        events.publish(new FulfillmentCreated(orderId, order.number(), id, units, blank(number), blank(url), now));
        return id;
    }

    /**
     * Refunds lines and/or an amount. The amount is the given one, or the lines' share of their totals; never
     * more than paid minus already refunded (checked under the order's lock, so concurrent refunds cannot
     * together exceed it). The payment's refund idempotency key is derived from the order and its refund count.
     */
    @Transactional
    public UUID refund(UUID orderId, List<LineQuantity> requested, java.math.BigDecimal amountGiven, boolean restock, String reason, String actor) {
        checkLength(reason, 500, "reason");
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        List<LineQuantity> wanted = requested == null ? List.of() : requested;
        Map<UUID, LockedLine> lines = byId(lines(orderId));
        validateLines(wanted, lines, false);
        long amount;
        if (amountGiven != null) {
            try {
                amount = io.shopgraph.platform.kernel.Money.parse(amountGiven, order.currency()).minorUnits();
            } catch (ArithmeticException e) {
                throw new DomainException(OrderErrorCode.INVALID_AMOUNT, List.of("input", "amount"),
                        "The amount has more decimals than " + order.currency() + " allows.");
            }
        } else {
            amount = 0;
            for (LineQuantity q : wanted) {
                LockedLine line = lines.get(q.lineId());
                amount = Math.addExact(amount, OrderRules.lineRefund(line.totalMinor(), line.quantity(), line.refunded(), q.quantity()));
            }
        }
        long left = order.paid() - order.refunded();
        if (amount <= 0 || amount > left) {
            throw new DomainException(OrderErrorCode.INVALID_AMOUNT, List.of("input", "amount"),
                    "A refund is more than 0 and at most what was paid and not yet refunded (" + money(left, order.currency()) + ").");
        }
        final long wantedAmount = amount;
        PaymentView payment = payments.byReferences(List.of(orderId)).getOrDefault(orderId, List.of()).stream()
                .filter(p -> p.status() == PaymentStatus.SUCCEEDED && p.capturedMinor() - p.refundedMinor() >= wantedAmount).findFirst()
                .orElseThrow(() -> new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"), "No payment of the order can refund this amount."));
        requireInTransactionRefunds(payment);
        long count = ((Number) em.createNativeQuery("select count(*) from orders.refund where store_id = :store and order_id = :id")
                .setParameter("store", store()).setParameter("id", orderId).getSingleResult()).longValue();
        RefundOutcome outcome = payments.refund(new RefundRequest(payment.id(), amount, "order-" + orderId + "-refund-" + (count + 1),
                reason == null ? "Refund" : reason));
        if (outcome.error() == PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED) {
            throw new DomainException(OrderErrorCode.INVALID_AMOUNT, List.of("input", "amount"), "The payment has less left to refund.");
        }
        if (outcome.error() != null) {
            throw new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("id"), "The payment could not be refunded.");
        }
        JsonArrayBuilder json = Json.createArrayBuilder();
        Map<UUID, Integer> restocked = new HashMap<>();
        for (LineQuantity q : wanted) {
            em.createNativeQuery("update orders.order_line set refunded_quantity = refunded_quantity + :q where store_id = :store and id = :id")
                    .setParameter("q", q.quantity()).setParameter("store", store()).setParameter("id", q.lineId()).executeUpdate();
            json.add(Json.createObjectBuilder().add("lineId", q.lineId().toString()).add("quantity", q.quantity()));
            restocked.merge(lines.get(q.lineId()).variantId(), q.quantity(), Integer::sum);
        }
        boolean restocking = restock && !restocked.isEmpty() && "COMMITTED".equals(order.stockState());
        if (restocking) {
            stock.fire(new StockInstruction(orderId, StockInstruction.Action.RESTOCK, restocked));
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        insertRefund(id, orderId, outcome.refund().id(), amount, restocking, json.build().toString(), blank(reason), now);
        update(order, order.paid(), order.refunded() + amount, order.stockState(), order.paidAt(), now);
        timeline(orderId, "REFUNDED", "Refunded " + money(amount, order.currency()) + (restocking ? ", restocked." : "."), actor);
        events.publish(new RefundCreated(orderId, order.number(), id, order.currency(), amount, restocking, now));
        return id;
    }

    @Transactional
    public void updateNote(UUID orderId, String note, String actor) {
        checkLength(note, 5000, "note");
        lock(orderId).orElseThrow(OrderCommands::notFound);
        em.createNativeQuery("update orders.sales_order set note = :note, updated_at = now() where store_id = :store and id = :id")
                .setParameter("note", blank(note)).setParameter("store", store()).setParameter("id", orderId).executeUpdate();
        timeline(orderId, "NOTE", "Note updated.", actor);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Refunds run inside the order's transaction, under its lock: right for the manual provider, whose refund only
     * writes rows. A Stripe refund must be called with no transaction open (PaymentsApi), which needs a hold-then-
     * settle flow here that is not built yet: refuse cleanly rather than fail inside the provider call.
     */
    private static void requireInTransactionRefunds(PaymentView payment) {
        if (payment.provider() != PaymentProvider.MANUAL) {
            throw new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("id"),
                    "Refunds of " + payment.provider().name().toLowerCase(java.util.Locale.ROOT)
                            + " payments are not available from orders yet; refund in the provider's dashboard.");
        }
    }

    /** Cancels a payment not yet succeeded: at once for the manual provider, after this transaction commits for a provider call. */
    private void cancelPayment(PaymentView payment) {
        if (payment.provider() == PaymentProvider.MANUAL) {
            payments.cancel(payment.id());
            return;
        }
        io.shopgraph.platform.kernel.StoreId store = tenant.requireStore();
        synchronizations.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    try {
                        scope.run(store, () -> payments.cancel(payment.id()));
                    } catch (RuntimeException e) {
                        org.jboss.logging.Logger.getLogger(OrderCommands.class).warnf(e, "could not cancel payment %s of a cancelled order", payment.id());
                    }
                }
            }
        });
    }

    private Optional<Locked> lock(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, number, status, currency_code, total_minor, paid_minor, refunded_minor, stock_state, "
                + "paid_at, cancelled_at, fulfilled_units, total_units, session_id from orders.sales_order where store_id = :store and id = :id for update")
                .setParameter("store", store()).setParameter("id", orderId).getResultList();
        return rows.stream().findFirst().map(r -> new Locked(OrderReads.uuid(r[0]), ((Number) r[1]).longValue(), OrderStatus.valueOf((String) r[2]),
                ((String) r[3]).strip(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7],
                r[8] == null ? null : OrderReads.instant(r[8]), r[9] == null ? null : OrderReads.instant(r[9]), ((Number) r[10]).intValue(),
                ((Number) r[11]).intValue(), OrderReads.uuid(r[12])));
    }

    private List<LockedLine> lines(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, variant_id, quantity, fulfilled_quantity, refunded_quantity, total_minor "
                + "from orders.order_line where store_id = :store and order_id = :id order by position")
                .setParameter("store", store()).setParameter("id", orderId).getResultList();
        return rows.stream().map(r -> new LockedLine(OrderReads.uuid(r[0]), OrderReads.uuid(r[1]), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).longValue())).toList();
    }

    private static Map<UUID, LockedLine> byId(List<LockedLine> lines) {
        Map<UUID, LockedLine> result = new LinkedHashMap<>();
        lines.forEach(l -> result.put(l.id(), l));
        return result;
    }

    /** Units by variant: all ordered units, or (notRefunded) those not refunded yet. */
    private static Map<UUID, Integer> quantities(List<LockedLine> lines, boolean notRefunded) {
        Map<UUID, Integer> result = new HashMap<>();
        lines.forEach(l -> {
            int q = notRefunded ? l.quantity() - l.refunded() : l.quantity();
            if (q > 0) {
                result.merge(l.variantId(), q, Integer::sum);
            }
        });
        return result;
    }

    private static void validateLines(List<LineQuantity> wanted, Map<UUID, LockedLine> lines, boolean fulfil) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            LineQuantity q = wanted.get(i);
            List<String> field = List.of("input", "lines", String.valueOf(i));
            LockedLine line = q.lineId() == null ? null : lines.get(q.lineId());
            if (line == null || !seen.add(q.lineId())) {
                throw new DomainException(OrderErrorCode.LINE_NOT_FOUND, field, "No line of this order has this id, or it appears twice.");
            }
            int left = fulfil ? line.quantity() - line.refunded() - line.fulfilled() : line.quantity() - line.refunded();
            if (q.quantity() < 1 || q.quantity() > left) {
                throw new DomainException(OrderErrorCode.INVALID_QUANTITY, field, "The quantity is between 1 and " + left + " for this line.");
            }
        }
    }

    private void update(Locked order, long paid, long refunded, String stockState, Instant paidAt, Instant now) {
        OrderStatus status = OrderRules.status(order.cancelled(), order.total(), paid, refunded, order.fulfilledUnits(), order.totalUnits());
        em.createNativeQuery("update orders.sales_order set status = :status, paid_minor = :paid, refunded_minor = :refunded, "
                + "stock_state = :stock, paid_at = :paidAt, fulfilled_units = :fulfilled, updated_at = :now where store_id = :store and id = :id")
                .setParameter("status", status.name()).setParameter("paid", paid).setParameter("refunded", refunded)
                .setParameter("stock", stockState).setParameter("paidAt", paidAt).setParameter("fulfilled", order.fulfilledUnits())
                .setParameter("now", now).setParameter("store", store()).setParameter("id", order.id()).executeUpdate();
    }

    private void insertRefund(UUID id, UUID orderId, UUID paymentRefundId, long amount, boolean restock, String linesJson, String reason,
            Instant now) {
        em.createNativeQuery("insert into orders.refund (store_id, id, order_id, payment_refund_id, amount_minor, restock, lines, reason, "
                + "created_at) values (:store, :id, :order, :refund, :amount, :restock, cast(:lines as jsonb), :reason, :now)")
                .setParameter("store", store()).setParameter("id", id).setParameter("order", orderId).setParameter("refund", paymentRefundId)
                .setParameter("amount", amount).setParameter("restock", restock).setParameter("lines", linesJson)
                .setParameter("reason", reason).setParameter("now", now).executeUpdate();
    }

    private void timeline(UUID orderId, String kind, String message, String actor) {
        em.createNativeQuery("insert into orders.order_event (store_id, id, order_id, kind, message, actor, created_at) "
                + "values (:store, :id, :order, :kind, :message, :actor, clock_timestamp())")
                .setParameter("store", store()).setParameter("id", Ids.newId()).setParameter("order", orderId).setParameter("kind", kind)
                .setParameter("message", message).setParameter("actor", actor).executeUpdate();
    }

    private boolean hasTimeline(UUID orderId, String kind) {
        return ((Number) em.createNativeQuery("select count(*) from orders.order_event where store_id = :store and order_id = :id and kind = :kind")
                .setParameter("store", store()).setParameter("id", orderId).setParameter("kind", kind).getSingleResult()).longValue() > 0;
    }

    private static void checkLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new DomainException(OrderErrorCode.INVALID_INPUT, List.of("input", field), "At most " + max + " characters.");
        }
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new DomainException(OrderErrorCode.INVALID_INPUT, List.of("input", field), "Text may not contain NUL characters.");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String money(long minor, String currency) {
        return io.shopgraph.platform.kernel.Money.of(minor, currency).amount().toPlainString() + " " + currency;
    }

    /** A PostgreSQL array literal of texts (quoted; NULL for null elements). */
    private static String pgArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            out.append(v == null ? "NULL" : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return out.append('}').toString();
    }

    static DomainException notFound() {
        return new DomainException(OrderErrorCode.ORDER_NOT_FOUND, List.of("id"), "No order has this id.");
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
