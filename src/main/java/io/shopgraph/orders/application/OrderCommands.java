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
import jakarta.json.JsonArrayBuilder;
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
import io.shopgraph.orders.api.OrderStatus;
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
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.platform.kernel.JsonP;

/**
 * Every change of an order. Each command locks the order's row first ({@code select ... for update}), so
 * concurrent commands on one order run one after the other and each sees what the previous one did: 20
 * concurrent full refunds give one refund, a webhook racing the synchronous confirmation gives one PAID.
 * Stock moves through {@link StockInstruction}s observed by checkout in the same transaction.
 */
@ApplicationScoped
public class OrderCommands implements OrdersApi {

    private static final String PENDING = "PENDING";
    private static final String SUCCEEDED = "SUCCEEDED";
    /** The reason of an order refund recorded from a refund made at the provider (Stripe's dashboard). */
    private static final String DASHBOARD_REFUND = "Refunded at the payment provider.";

    private final NativeRows db;
    private final TenantContext tenant;
    private final EventPublisher events;
    private final PaymentsApi payments;
    private final Event<StockInstruction> stock;
    private final OrdersConfig config;
    private final OrderReads reads;
    private final jakarta.transaction.TransactionSynchronizationRegistry synchronizations;
    private final io.shopgraph.platform.tenancy.TenantScope scope;

    OrderCommands(NativeRows db, TenantContext tenant, EventPublisher events, PaymentsApi payments, Event<StockInstruction> stock,
            OrdersConfig config, OrderReads reads, jakarta.transaction.TransactionSynchronizationRegistry synchronizations,
            io.shopgraph.platform.tenancy.TenantScope scope) {
        this.synchronizations = synchronizations;
        this.scope = scope;
        this.config = config;
        this.reads = reads;
        this.db = db;
        this.tenant = tenant;
        this.events = events;
        this.payments = payments;
        this.stock = stock;
    }

    /** The locked state of one order. */
    record Locked(UUID id, long number, OrderStatus status, String currency, long total, long paid, long refunded, String stockState,
            Instant paidAt, Instant cancelledAt, int fulfilledUnits, int totalUnits, UUID sessionId, Long deposit, long waived) {

        boolean cancelled() {
            return cancelledAt != null;
        }

        /** What the order asks in all: its total less a waived balance. */
        long due() {
            return total - waived;
        }
    }

    /** One line of a locked order. */
    record LockedLine(UUID id, UUID variantId, int quantity, int fulfilled, int refunded, long totalMinor) {
    }

    // ---------------------------------------------------------------- placing

    @Override
    @Transactional
    public PlacedOrder place(NewOrder order, BeforeNumbering beforeNumbering) {
        UUID store = store();
        Instant reservedUntil = Instant.now().plus(config.reservationWindow());
        String token = OpaqueTokens.newToken(OrderReads.TOKEN_PREFIX);
        Instant now = Instant.now();
        int units = order.lines().stream().mapToInt(NewOrder.Line::quantity).sum();
        db.sql("insert into orders.sales_order (store_id, id, number, status, token_hash, email, currency_code, subtotal_minor, "
                + "discount_minor, shipping_minor, tax_minor, total_minor, pricing, shipping_address, cart_id, session_id, customer_id, "
                + "stock_state, reserved_until, total_units, created_at, updated_at, deposit_minor) values (:store, :id, null, 'PENDING_PAYMENT', :hash, "
                + ":email, :currency, :subtotal, :discount, :shipping, :tax, :total, cast(:pricing as jsonb), cast(:address as jsonb), :cart, "
                + ":session, :customer, 'RESERVED', :until, :units, :now, :now, :deposit)")
                .param("deposit", order.depositMinor())
                .param("store", store).param("id", order.id())
                .param("hash", OrderReads.hash(token)).param("email", order.email()).param("currency", order.currencyCode())
                .param("subtotal", order.subtotalMinor()).param("discount", order.discountMinor())
                .param("shipping", order.shippingMinor()).param("tax", order.taxMinor()).param("total", order.totalMinor())
                .param("pricing", order.pricingJson()).param("address", order.shippingAddressJson())
                .param("cart", order.cartId()).param("session", order.sessionId()).param("customer", order.customerId())
                .param("until", reservedUntil).param("units", units).param("now", now).update();
        // Every line in one statement, whatever their number (the checkout's statement budget).
        JsonArrayBuilder rows = JsonP.createArrayBuilder();
        List<OrderPlaced.Line> eventLines = new ArrayList<>();
        List<UUID> lineIds = new ArrayList<>();
        int position = 0;
        for (NewOrder.Line line : order.lines()) {
            UUID lineId = Ids.newId();
            lineIds.add(lineId);
            JsonArrayBuilder keys = JsonP.createArrayBuilder();
            line.attributeKeys().forEach(k -> keys.add(k));
            JsonArrayBuilder values = JsonP.createArrayBuilder();
            line.attributeValues().forEach(v -> {
                if (v == null) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            });
            var row = JsonP.createObjectBuilder().add("id", lineId.toString()).add("position", position++)
                    .add("variant_id", line.variantId().toString()).add("title", line.title()).add("quantity", line.quantity())
                    .add("unit", line.unitPriceMinor()).add("subtotal", line.subtotalMinor()).add("discount", line.discountMinor())
                    .add("total", line.totalMinor()).add("shipping", line.requiresShipping()).add("keys", keys).add("vals", values);
            if (line.productId() != null) {
                row.add("product_id", line.productId().toString());
            }
            if (line.variantTitle() != null) {
                row.add("variant_title", line.variantTitle());
            }
            rows.add(row);
            eventLines.add(new OrderPlaced.Line(line.variantId(), line.productId(), line.quantity(), line.totalMinor()));
        }
        db.sql("insert into orders.order_line (store_id, id, order_id, position, variant_id, product_id, title, variant_title, "
                + "quantity, unit_price_minor, subtotal_minor, discount_minor, total_minor, requires_shipping, attribute_keys, attribute_values) "
                + "select :store, x.id, :order, x.position, x.variant_id, x.product_id, x.title, x.variant_title, x.quantity, x.unit, x.subtotal, "
                + "x.discount, x.total, x.shipping, "
                + "array(select e from jsonb_array_elements_text(x.keys) with ordinality as a(e, i) order by i), "
                + "array(select e from jsonb_array_elements_text(x.vals) with ordinality as a(e, i) order by i) "
                + "from jsonb_to_recordset(cast(:lines as jsonb)) as x(id uuid, position int, variant_id uuid, product_id uuid, title text, "
                + "variant_title text, quantity int, unit bigint, subtotal bigint, discount bigint, total bigint, shipping boolean, keys jsonb, "
                + "vals jsonb)")
                .param("store", store).param("order", order.id()).param("lines", rows.build().toString()).update();
        timeline(order.id(), "PLACED", "Order placed.", null);
        beforeNumbering.run(List.copyOf(lineIds), token);
        // Last: the number (the counter's row lock is held to commit, so every other checkout of the store waits from here on).
        long number = ((Number) db.sql("with counted as (insert into orders.order_counter (store_id, last_number, next_expiry) "
                + "values (:store, :first, :until) on conflict (store_id) do update set last_number = orders.order_counter.last_number + 1, "
                + "next_expiry = least(orders.order_counter.next_expiry, excluded.next_expiry) returning last_number) "
                + "update orders.sales_order o set number = counted.last_number from counted where o.store_id = :store and o.id = :id "
                + "returning o.number")
                .param("store", store).param("first", OrderRules.FIRST_NUMBER).param("until", reservedUntil)
                .param("id", order.id()).value()).longValue();
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
        List<Object> rows = db.sql("select number from orders.sales_order where store_id = :store and id = :id")
                .param("store", store()).param("id", orderId).column();
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
        // Refunds only exist once something was paid: checkout's first call skips the statement.
        if (order.paid() > 0 && syncRefunds(order)) {
            order = lock(order.id()).orElseThrow();
        }
        List<PaymentView> all = payments.byReferences(List.of(order.id())).getOrDefault(order.id(), List.of());
        long paid = all.stream().filter(p -> p.status() == PaymentStatus.SUCCEEDED).mapToLong(PaymentView::capturedMinor).sum();
        if (paid == order.paid()) {
            if (payment.status() == PaymentStatus.FAILED && !hasTimeline(order.id(), "PAYMENT_FAILED:" + payment.id())) {
                timeline(order.id(), "PAYMENT_FAILED:" + payment.id(), "A payment failed.", null);
            }
            return;
        }
        Instant now = Instant.now();
        boolean becomesPaid = order.paidAt() == null && !order.cancelled() && OrderRules.fullyPaid(order.due(), paid);
        // The stock commits with the plan's first payment: the deposit of a deposit order, else everything.
        boolean commits = order.paidAt() == null && !order.cancelled() && OrderRules.commitsStock(order.deposit(), order.due(), paid);
        String stockState = order.stockState();
        if (commits && "RESERVED".equals(stockState)) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.COMMIT, Map.of()));
            stockState = "COMMITTED";
        } else if (commits && "RELEASED".equals(stockState)) {
            // Paid after its reservation expired: take the stock again if it is still there, else pay the money back.
            StockInstruction again = new StockInstruction(order.id(), StockInstruction.Action.REACQUIRE, quantities(lines(order.id()), false));
            stock.fire(again);
            if (!again.succeeded()) {
                update(order, paid, order.refunded(), stockState, null, now);
                timeline(order.id(), "PAID_AFTER_EXPIRY", "Paid after the reservation expired, and the stock is gone: refunding.", null);
                List<UUID> pending = cancelAndRefund(lock(order.id()).orElseThrow(), "Paid after the reservation expired; out of stock.", null, false);
                pending.forEach(this::settleAfterCommit);
                return;
            }
            stockState = "COMMITTED";
            timeline(order.id(), "STOCK_REACQUIRED", "Paid after the reservation expired; the stock was reserved again.", null);
        }
        update(order, paid, order.refunded(), stockState, becomesPaid ? now : order.paidAt(), now);
        timeline(order.id(), "PAYMENT", "Payment received: " + money(paid - order.paid(), order.currency()) + ".", null);
        if (!becomesPaid && order.deposit() != null && order.paid() < order.deposit() && paid >= order.deposit()) {
            timeline(order.id(), "DEPOSIT_PAID", "Deposit paid; balance due: " + money(order.due() - paid, order.currency()) + ".", null);
        }
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
        // The open manual payment (a deposit order's deposit may have succeeded already: its balance is the open one).
        PaymentView pending = payments.byReferences(List.of(orderId)).getOrDefault(orderId, List.of()).stream()
                .filter(p -> p.provider() == PaymentProvider.MANUAL && p.status() != PaymentStatus.FAILED && p.status() != PaymentStatus.CANCELED)
                .min(java.util.Comparator.comparing((PaymentView p) -> p.status() == PaymentStatus.SUCCEEDED)).orElseThrow(() -> new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"),
                        "The order has no manual payment to mark as paid."));
        if (pending.status() == PaymentStatus.SUCCEEDED && order.deposit() != null) {
            throw new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"),
                    "The deposit is paid; request the balance (orderBalanceRequest), then mark it as paid, or waive it.");
        }
        PaymentOutcome outcome = payments.markPaid(pending.id());
        if (outcome.error() != null) {
            throw new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"), "The payment cannot be marked as paid.");
        }
        timeline(orderId, "MARKED_AS_PAID", "Marked as paid.", actor);
        applyPayment(outcome.payment());
    }

    // ---------------------------------------------------------------- deposits

    /**
     * Closes a deposit order's balance without payment: the order counts as paid at what was paid (PAID, OrderPaid),
     * an open balance payment is cancelled. Idempotent: a waived order answers as it is.
     */
    @Transactional
    public void waiveBalance(UUID orderId, String reason, String actor) {
        checkLength(reason, 500, "reason");
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        if (order.waived() > 0 && !order.cancelled()) {
            return;
        }
        if (!OrderRules.partiallyPaid(order.deposit(), order.cancelled(), order.due(), order.paid())) {
            throw new DomainException(OrderErrorCode.NOT_PARTIALLY_PAID, List.of("id"),
                    "Only a deposit order whose deposit is paid and whose balance is still due can have its balance waived.");
        }
        long waived = order.total() - order.paid();
        db.sql("update orders.sales_order set waived_minor = :waived where store_id = :store and id = :id")
                .param("waived", waived).param("store", store()).param("id", orderId).update();
        Locked after = lock(orderId).orElseThrow();
        Instant now = Instant.now();
        for (PaymentView payment : payments.byReferences(List.of(orderId)).getOrDefault(orderId, List.of())) {
            if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.PROCESSING) {
                cancelPayment(payment);
            }
        }
        update(after, order.paid(), order.refunded(), order.stockState(), now, now);
        timeline(orderId, "BALANCE_WAIVED", "Balance of " + money(waived, order.currency()) + " waived" + (blank(reason) == null ? "." : ": "
                + blank(reason)), actor);
        events.publish(new OrderPaid(order.id(), order.number(), order.sessionId(), order.currency(), order.paid(), now));
    }

    /** The state a balance request needs, under the order's lock: the amount still due, or NOT_PARTIALLY_PAID. */
    record BalanceDue(UUID orderId, long number, String currency, long amountMinor) {
    }

    BalanceDue lockBalanceDue(UUID orderId) {
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        if (!OrderRules.partiallyPaid(order.deposit(), order.cancelled(), order.due(), order.paid())) {
            throw new DomainException(OrderErrorCode.NOT_PARTIALLY_PAID, List.of("orderId"),
                    "Only a deposit order whose deposit is paid and whose balance is still due can have its balance requested.");
        }
        return new BalanceDue(orderId, order.number(), order.currency(), order.due() - order.paid());
    }

    /** Whether the order exists in this store (locking it, so a balance request and a waive serialise). */
    boolean lockExists(UUID orderId) {
        return lock(orderId).isPresent();
    }

    // ---------------------------------------------------------------- expiry

    @Override
    @Transactional
    public List<UUID> reservationsDue(int limit) {
        List<Object> rows = db.sql("select id from orders.sales_order where store_id = :store and stock_state = 'RESERVED' "
                + "and paid_at is null and reserved_until <= now() order by reserved_until limit :limit")
                .param("store", store()).param("limit", limit).column();
        return rows.stream().map(OrderReads::uuid).toList();
    }

    /** Stores whose earliest reservation end has passed (read for no store: the transaction declares itself a scan). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    @Transactional
    public List<UUID> storesWithReservationsDue(int limit) {
        db.sql("select set_config('app.orders_scan', 'on', true)").value();
        List<Object> rows = db.sql("select store_id from orders.order_counter where next_expiry <= now() order by next_expiry limit :limit")
                .param("limit", limit).column();
        return rows.stream().map(OrderReads::uuid).toList();
    }

    /** After a store's sweep: its next reservation end (null when no unpaid order holds stock). */
    @Transactional
    public void recomputeNextExpiry() {
        db.sql("update orders.order_counter set next_expiry = (select min(reserved_until) from orders.sales_order "
                + "where store_id = :store and stock_state = 'RESERVED' and paid_at is null) where store_id = :store")
                .param("store", store()).update();
    }

    @Override
    @Transactional
    public boolean expireReservation(UUID orderId) {
        Optional<Locked> found = lock(orderId);
        if (found.isEmpty() || !"RESERVED".equals(found.get().stockState()) || found.get().paidAt() != null) {
            return false;
        }
        stock.fire(new StockInstruction(orderId, StockInstruction.Action.RELEASE, Map.of()));
        db.sql("update orders.sales_order set stock_state = 'RELEASED', updated_at = now() where store_id = :store and id = :id")
                .param("store", store()).param("id", orderId).update();
        timeline(orderId, "RESERVATION_EXPIRED", "Unpaid when its reservation expired: the stock went back on sale.", null);
        return true;
    }

    // ---------------------------------------------------------------- merchant commands

    /**
     * Cancels an unfulfilled order. Answers the payment refunds still pending at a provider (Stripe): the caller
     * settles them with no transaction open, and the order is cancelled when they succeed ({@link #settleRefunds});
     * with nothing to pay back through a provider it is cancelled at once and the list is empty.
     */
    @Transactional
    public List<UUID> cancel(UUID orderId, String reason, String actor) {
        Locked order = lock(orderId).orElseThrow(OrderCommands::notFound);
        if (order.cancelled()) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "The order is already cancelled.");
        }
        if (order.fulfilledUnits() > 0) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "A fulfilled order cannot be cancelled; refund it instead.");
        }
        checkLength(reason, 500, "reason");
        if (pendingClaims(orderId).cancelling()) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "The order's cancellation is in progress.");
        }
        return cancelAndRefund(order, reason, actor, true);
    }

    /**
     * Pays back what is left, then releases or restocks the stock, cancels pending payments and marks the order
     * CANCELLED. A refund through a provider is only claimed here (PENDING, marked as cancelling the order): the
     * order is cancelled when it succeeds, so a refused refund leaves the order as it was. Answers those claims'
     * payment refund ids.
     */
    private List<UUID> cancelAndRefund(Locked order, String reason, String actor, boolean restockCommitted) {
        Instant now = Instant.now();
        long refunded = order.refunded();
        long left = order.paid() - order.refunded() - pendingClaims(order.id()).amount();
        UUID refundId = null;
        List<UUID> pending = new ArrayList<>();
        List<PaymentView> unpaid = new ArrayList<>();
        for (PaymentView payment : payments.byReferences(List.of(order.id())).getOrDefault(order.id(), List.of())) {
            if (payment.status() == PaymentStatus.SUCCEEDED && left > 0) {
                long amount = Math.min(left, payment.capturedMinor() - payment.refundedMinor());
                if (amount > 0) {
                    UUID id = Ids.newId();
                    RefundOutcome outcome = payments.holdRefund(new RefundRequest(payment.id(), amount, "order-" + order.id() + "-cancel-" + id,
                            reason == null ? "Order cancelled" : reason));
                    if (outcome.error() != null) {
                        throw new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("id"), "The payment could not be refunded.");
                    }
                    boolean settled = SUCCEEDED.equals(outcome.refund().status());
                    insertRefund(id, order.id(), outcome.refund().id(), amount, restockCommitted, "[]", blank(reason), now,
                            settled ? SUCCEEDED : PENDING, !settled);
                    if (settled) {
                        refundId = id;
                        refunded += amount;
                    } else {
                        pending.add(outcome.refund().id());
                    }
                    left -= amount;
                }
            } else if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.PROCESSING) {
                unpaid.add(payment);
            }
        }
        if (!pending.isEmpty()) {
            if (refunded != order.refunded()) {
                update(order, order.paid(), refunded, order.stockState(), order.paidAt(), now);
            }
            timeline(order.id(), "CANCEL_REQUESTED", "Cancellation requested" + (reason == null ? "" : ": " + reason)
                    + "; it completes when the payment provider has refunded the payment.", actor);
            return pending;
        }
        unpaid.forEach(this::cancelPayment);
        finishCancel(order, reason, actor, restockCommitted, refunded, refundId, now);
        return List.of();
    }

    /** The order's stock goes back (released, or restocked when committed), and it becomes CANCELLED. */
    private void finishCancel(Locked order, String reason, String actor, boolean restockCommitted, long refunded, UUID refundId, Instant now) {
        if ("RESERVED".equals(order.stockState())) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.RELEASE, Map.of()));
        } else if ("COMMITTED".equals(order.stockState()) && restockCommitted) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.RESTOCK, quantities(lines(order.id()), true)));
        }
        db.sql("update orders.sales_order set status = 'CANCELLED', cancelled_at = :now, updated_at = :now, "
                + "refunded_minor = :refunded, stock_state = 'RELEASED' where store_id = :store and id = :id")
                .param("now", now).param("refunded", refunded).param("store", store()).param("id", order.id())
                .update();
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
        if (pendingClaims(orderId).cancelling()) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "The order's cancellation is in progress.");
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
        JsonArrayBuilder json = JsonP.createArrayBuilder();
        for (LineQuantity q : wanted) {
            db.sql("update orders.order_line set fulfilled_quantity = fulfilled_quantity + :q where store_id = :store and id = :id")
                    .param("q", q.quantity()).param("store", store()).param("id", q.lineId()).update();
            units += q.quantity();
            json.add(JsonP.createObjectBuilder().add("lineId", q.lineId().toString()).add("quantity", q.quantity()));
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        db.sql("insert into orders.fulfillment (store_id, id, order_id, tracking_company, tracking_number, tracking_url, lines, "
                + "created_at) values (:store, :id, :order, :company, :number, :url, cast(:lines as jsonb), :now)")
                .param("store", store()).param("id", id).param("order", orderId).param("company", blank(company))
                .param("number", blank(number)).param("url", blank(url)).param("lines", json.build().toString())
                .param("now", now).update();
        Locked after = new Locked(order.id(), order.number(), order.status(), order.currency(), order.total(), order.paid(), order.refunded(),
                order.stockState(), order.paidAt(), order.cancelledAt(), order.fulfilledUnits() + units, order.totalUnits(), order.sessionId(),
                order.deposit(), order.waived());
        update(after, order.paid(), order.refunded(), order.stockState(), order.paidAt(), now);
        timeline(orderId, "FULFILLED", units + " unit(s) fulfilled" + (blank(number) == null ? "." : ", tracking " + number + "."), actor);
        events.publish(new FulfillmentCreated(orderId, order.number(), id, units, blank(number), blank(url), now));
        return id;
    }

    /** A refund claimed under the order's lock: settled at once (manual provider) or pending at the provider. */
    public record RefundClaim(UUID orderRefundId, UUID paymentRefundId, boolean pending) {
    }

    /**
     * Claims a refund of lines and/or an amount. The amount is the given one, or the lines' share of their totals;
     * never more than paid minus refunded minus refunds still pending (checked under the order's lock, so
     * concurrent refunds cannot together exceed it; the payments module holds it again under the payment's lock).
     * The manual provider's refund is complete when this commits; a Stripe refund is PENDING and the caller
     * settles it with no transaction open ({@link #settleRefunds}). The refunded lines are claimed at once too.
     */
    @Transactional
    public RefundClaim claimRefund(UUID orderId, List<LineQuantity> requested, java.math.BigDecimal amountGiven, boolean restock, String reason,
            String actor) {
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
        Claims claims = pendingClaims(orderId);
        if (claims.cancelling()) {
            throw new DomainException(OrderErrorCode.INVALID_STATE, List.of("id"), "The order's cancellation is in progress.");
        }
        long left = order.paid() - order.refunded() - claims.amount();
        if (amount <= 0 || amount > left) {
            throw new DomainException(OrderErrorCode.INVALID_AMOUNT, List.of("input", "amount"),
                    "A refund is more than 0 and at most what was paid and not yet refunded (" + money(Math.max(0, left), order.currency())
                            + (claims.amount() > 0 ? ", besides refunds still pending" : "") + ").");
        }
        final long wantedAmount = amount;
        PaymentView payment = payments.byReferences(List.of(orderId)).getOrDefault(orderId, List.of()).stream()
                .filter(p -> p.status() == PaymentStatus.SUCCEEDED && p.capturedMinor() - p.refundedMinor() >= wantedAmount).findFirst()
                .orElseThrow(() -> new DomainException(OrderErrorCode.PAYMENT_NOT_APPLICABLE, List.of("id"), "No payment of the order can refund this amount."));
        UUID id = Ids.newId();
        RefundOutcome outcome = payments.holdRefund(new RefundRequest(payment.id(), amount, "order-refund-" + id,
                reason == null ? "Refund" : reason));
        if (outcome.error() == PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED) {
            throw new DomainException(OrderErrorCode.INVALID_AMOUNT, List.of("input", "amount"), "The payment has less left to refund.");
        }
        if (outcome.error() != null) {
            throw new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("id"), "The payment could not be refunded.");
        }
        JsonArrayBuilder json = JsonP.createArrayBuilder();
        for (LineQuantity q : wanted) {
            refundLine(q.lineId(), q.quantity());
            json.add(JsonP.createObjectBuilder().add("lineId", q.lineId().toString()).add("quantity", q.quantity()));
        }
        boolean settled = SUCCEEDED.equals(outcome.refund().status());
        Instant now = Instant.now();
        String linesJson = json.build().toString();
        boolean restockLines = restock && !wanted.isEmpty();
        insertRefund(id, orderId, outcome.refund().id(), amount, restockLines, linesJson, blank(reason), now, settled ? SUCCEEDED : PENDING, false);
        if (settled) {
            refundSucceeded(order, new OrderRefund(id, outcome.refund().id(), SUCCEEDED, amount, restockLines, linesJson, false, blank(reason)),
                    actor, now);
        } else {
            timeline(orderId, "REFUND_REQUESTED", "Refund of " + money(amount, order.currency()) + " requested from the payment provider.", actor);
        }
        return new RefundClaim(id, outcome.refund().id(), !settled);
    }

    /**
     * Brings the order's refunds in line with its payments' refunds, under the order's lock: a pending refund whose
     * payment refund succeeded is applied (refunded total, restock, timeline, RefundCreated; a cancelling one
     * cancels the order), one whose payment refund failed is released; a payment refund no order refund knows
     * (made in Stripe's dashboard) is recorded once. Idempotent; answers the order's refunds as they now are.
     */
    @Transactional
    public List<OrderRefund> settleRefunds(UUID orderId) {
        Optional<Locked> order = lock(orderId);
        if (order.isEmpty()) {
            return List.of();
        }
        syncRefunds(order.get());
        return orderRefunds(orderId);
    }

    /** See {@link #settleRefunds}; the caller holds the order's lock. Answers whether anything changed. */
    private boolean syncRefunds(Locked locked) {
        List<io.shopgraph.payments.api.RefundView> paymentRefunds = payments.refundsByReferences(List.of(locked.id()))
                .getOrDefault(locked.id(), List.of());
        if (paymentRefunds.isEmpty()) {
            return false;
        }
        Map<UUID, OrderRefund> ours = new HashMap<>();
        orderRefunds(locked.id()).stream().filter(r -> r.paymentRefundId() != null).forEach(r -> ours.put(r.paymentRefundId(), r));
        boolean changed = false;
        Locked order = locked;
        for (io.shopgraph.payments.api.RefundView paid : paymentRefunds) {
            OrderRefund mine = ours.get(paid.id());
            Instant now = Instant.now();
            if (mine == null && SUCCEEDED.equals(paid.status())) {
                // Refunded in the provider's dashboard: ours to record, once (the unique payment_refund_id says so again).
                UUID id = Ids.newId();
                insertRefund(id, order.id(), paid.id(), paid.amountMinor(), false, "[]", DASHBOARD_REFUND, now, SUCCEEDED, false);
                refundSucceeded(order, new OrderRefund(id, paid.id(), SUCCEEDED, paid.amountMinor(), false, "[]", false, DASHBOARD_REFUND), null, now);
                changed = true;
            } else if (mine != null && PENDING.equals(mine.status()) && SUCCEEDED.equals(paid.status())) {
                db.sql("update orders.refund set status = 'SUCCEEDED' where store_id = :store and id = :id")
                        .param("store", store()).param("id", mine.id()).update();
                refundSucceeded(order, mine, null, now);
                changed = true;
            } else if (mine != null && PENDING.equals(mine.status()) && "FAILED".equals(paid.status())) {
                db.sql("update orders.refund set status = 'FAILED' where store_id = :store and id = :id")
                        .param("store", store()).param("id", mine.id()).update();
                for (LineQuantity q : lineQuantities(mine.linesJson())) {
                    refundLine(q.lineId(), -q.quantity());
                }
                timeline(order.id(), mine.cancelsOrder() ? "CANCEL_FAILED" : "REFUND_FAILED", "The payment provider refused to refund "
                        + money(mine.amount(), order.currency()) + (mine.cancelsOrder() ? "; the order was not cancelled." : "; nothing was paid back."),
                        null);
                changed = true;
            } else {
                continue;
            }
            order = lock(order.id()).orElseThrow();
        }
        return changed;
    }

    /**
     * A refund whose money went back: the refunded total, the restock of its lines (when their stock had left),
     * the timeline and RefundCreated; a cancelling refund then cancels the order unless another is still pending.
     */
    private void refundSucceeded(Locked order, OrderRefund refund, String actor, Instant now) {
        long refunded = order.refunded() + refund.amount();
        if (refund.cancelsOrder()) {
            if (pendingClaims(order.id()).cancelling()) {
                update(order, order.paid(), refunded, order.stockState(), order.paidAt(), now);
                return;
            }
            for (PaymentView payment : payments.byReferences(List.of(order.id())).getOrDefault(order.id(), List.of())) {
                if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.PROCESSING) {
                    cancelPayment(payment);
                }
            }
            finishCancel(order, refund.reason(), actor, refund.restock(), refunded, refund.id(), now);
            return;
        }
        Map<UUID, Integer> restocked = new HashMap<>();
        if (refund.restock() && "COMMITTED".equals(order.stockState())) {
            Map<UUID, LockedLine> lines = byId(lines(order.id()));
            for (LineQuantity q : lineQuantities(refund.linesJson())) {
                LockedLine line = lines.get(q.lineId());
                if (line != null) {
                    restocked.merge(line.variantId(), q.quantity(), Integer::sum);
                }
            }
        }
        boolean restocking = !restocked.isEmpty();
        if (restocking) {
            stock.fire(new StockInstruction(order.id(), StockInstruction.Action.RESTOCK, restocked));
        }
        if (refund.restock() != restocking) {
            db.sql("update orders.refund set restock = :restock where store_id = :store and id = :id")
                    .param("restock", restocking).param("store", store()).param("id", refund.id()).update();
        }
        update(order, order.paid(), refunded, order.stockState(), order.paidAt(), now);
        timeline(order.id(), "REFUNDED", "Refunded " + money(refund.amount(), order.currency())
                + (DASHBOARD_REFUND.equals(refund.reason()) ? " in the payment provider's dashboard." : restocking ? ", restocked." : "."), actor);
        events.publish(new RefundCreated(order.id(), order.number(), refund.id(), order.currency(), refund.amount(), restocking, now));
    }

    @Transactional
    public void updateNote(UUID orderId, String note, String actor) {
        checkLength(note, 5000, "note");
        lock(orderId).orElseThrow(OrderCommands::notFound);
        db.sql("update orders.sales_order set note = :note, updated_at = now() where store_id = :store and id = :id")
                .param("note", blank(note)).param("store", store()).param("id", orderId).update();
        timeline(orderId, "NOTE", "Note updated.", actor);
    }

    // ---------------------------------------------------------------- helpers

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

    /**
     * A refund claimed inside a transaction that is not a merchant's request (the payment-event consumer): asked of
     * the provider once this transaction commits; its outcome comes back as a payment event, and the consumer
     * settles the order. If this instance dies first, the payments reconciler asks again.
     */
    private void settleAfterCommit(UUID paymentRefundId) {
        io.shopgraph.platform.kernel.StoreId store = tenant.requireStore();
        synchronizations.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    try {
                        scope.run(store, () -> payments.settleRefund(paymentRefundId));
                    } catch (RuntimeException e) {
                        org.jboss.logging.Logger.getLogger(OrderCommands.class).warnf(e, "could not settle refund %s; the reconciler will", paymentRefundId);
                    }
                }
            }
        });
    }

    private Optional<Locked> lock(UUID orderId) {
        List<Object[]> rows = db.sql("select id, number, status, currency_code, total_minor, paid_minor, refunded_minor, stock_state, "
                + "paid_at, cancelled_at, fulfilled_units, total_units, session_id, deposit_minor, waived_minor from orders.sales_order "
                + "where store_id = :store and id = :id for update")
                .param("store", store()).param("id", orderId).list();
        return rows.stream().findFirst().map(r -> new Locked(OrderReads.uuid(r[0]), ((Number) r[1]).longValue(), OrderStatus.valueOf((String) r[2]),
                ((String) r[3]).strip(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7],
                r[8] == null ? null : OrderReads.instant(r[8]), r[9] == null ? null : OrderReads.instant(r[9]), ((Number) r[10]).intValue(),
                ((Number) r[11]).intValue(), OrderReads.uuid(r[12]), r[13] == null ? null : ((Number) r[13]).longValue(), ((Number) r[14]).longValue()));
    }

    private List<LockedLine> lines(UUID orderId) {
        List<Object[]> rows = db.sql("select id, variant_id, quantity, fulfilled_quantity, refunded_quantity, total_minor "
                + "from orders.order_line where store_id = :store and order_id = :id order by position")
                .param("store", store()).param("id", orderId).list();
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
        OrderStatus status = OrderRules.status(order.cancelled(), order.due(), paid, refunded, order.fulfilledUnits(), order.totalUnits());
        db.sql("update orders.sales_order set status = :status, paid_minor = :paid, refunded_minor = :refunded, "
                + "stock_state = :stock, paid_at = :paidAt, fulfilled_units = :fulfilled, updated_at = :now where store_id = :store and id = :id")
                .param("status", status.name()).param("paid", paid).param("refunded", refunded)
                .param("stock", stockState).param("paidAt", paidAt).param("fulfilled", order.fulfilledUnits())
                .param("now", now).param("store", store()).param("id", order.id()).update();
    }

    private void insertRefund(UUID id, UUID orderId, UUID paymentRefundId, long amount, boolean restock, String linesJson, String reason,
            Instant now, String status, boolean cancelsOrder) {
        db.sql("insert into orders.refund (store_id, id, order_id, payment_refund_id, amount_minor, restock, lines, reason, "
                + "created_at, status, cancels_order) values (:store, :id, :order, :refund, :amount, :restock, cast(:lines as jsonb), :reason, "
                + ":now, :status, :cancels)")
                .param("store", store()).param("id", id).param("order", orderId).param("refund", paymentRefundId)
                .param("amount", amount).param("restock", restock).param("lines", linesJson)
                .param("reason", reason).param("now", now).param("status", status)
                .param("cancels", cancelsOrder).update();
    }

    /** An order refund as settlement needs it. */
    public record OrderRefund(UUID id, UUID paymentRefundId, String status, long amount, boolean restock, String linesJson, boolean cancelsOrder,
            String reason) {
    }

    /** What pending refunds hold of an order: their amount, and whether one of them cancels it. */
    record Claims(long amount, boolean cancelling) {
    }

    private List<OrderRefund> orderRefunds(UUID orderId) {
        List<Object[]> rows = db.sql("select id, payment_refund_id, status, amount_minor, restock, lines::text, cancels_order, reason "
                + "from orders.refund where store_id = :store and order_id = :id order by created_at, id")
                .param("store", store()).param("id", orderId).list();
        return rows.stream().map(r -> new OrderRefund(OrderReads.uuid(r[0]), r[1] == null ? null : OrderReads.uuid(r[1]), (String) r[2],
                ((Number) r[3]).longValue(), (Boolean) r[4], (String) r[5], (Boolean) r[6], (String) r[7])).toList();
    }

    private Claims pendingClaims(UUID orderId) {
        Object[] row = db.sql("select coalesce(sum(amount_minor), 0), coalesce(bool_or(cancels_order), false) "
                + "from orders.refund where store_id = :store and order_id = :id and status = 'PENDING'")
                .param("store", store()).param("id", orderId).list().get(0);
        return new Claims(((Number) row[0]).longValue(), (Boolean) row[1]);
    }

    private void refundLine(UUID lineId, int quantity) {
        db.sql("update orders.order_line set refunded_quantity = refunded_quantity + :q where store_id = :store and id = :id")
                .param("q", quantity).param("store", store()).param("id", lineId).update();
    }

    private static List<LineQuantity> lineQuantities(String json) {
        try (var reader = JsonP.createReader(new java.io.StringReader(json))) {
            return reader.readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                    .map(o -> new LineQuantity(UUID.fromString(o.getString("lineId")), o.getInt("quantity"))).toList();
        }
    }

    private void timeline(UUID orderId, String kind, String message, String actor) {
        db.sql("insert into orders.order_event (store_id, id, order_id, kind, message, actor, created_at) "
                + "values (:store, :id, :order, :kind, :message, :actor, clock_timestamp())")
                .param("store", store()).param("id", Ids.newId()).param("order", orderId).param("kind", kind)
                .param("message", message).param("actor", actor).update();
    }

    private boolean hasTimeline(UUID orderId, String kind) {
        return ((Number) db.sql("select count(*) from orders.order_event where store_id = :store and order_id = :id and kind = :kind")
                .param("store", store()).param("id", orderId).param("kind", kind).value()).longValue() > 0;
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

    static DomainException notFound() {
        return new DomainException(OrderErrorCode.ORDER_NOT_FOUND, List.of("id"), "No order has this id.");
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
