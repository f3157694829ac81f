package io.shopgraph.analytics.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.cart.api.events.CartBuyerIdentityUpdated;
import io.shopgraph.cart.api.events.CartCreated;
import io.shopgraph.cart.api.events.CartExpired;
import io.shopgraph.cart.api.events.CartLineAdded;
import io.shopgraph.cart.api.events.CartLineRemoved;
import io.shopgraph.cart.api.events.CartLineUpdated;
import io.shopgraph.cart.api.events.CartMerged;
import io.shopgraph.cart.api.events.SessionPageViewed;
import io.shopgraph.cart.api.events.SessionStarted;
import io.shopgraph.checkout.api.events.CheckoutStarted;
import io.shopgraph.checkout.api.events.CheckoutStepCompleted;
import io.shopgraph.orders.api.events.OrderCancelled;
import io.shopgraph.orders.api.events.OrderPaid;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.orders.api.events.RefundCreated;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventConsumer;
import io.shopgraph.platform.events.EventEnvelope;

/**
 * The outbox consumer: turns each event into facts in analytics' own tables and marks the quarter-hours
 * whose rollups the facts change as dirty ({@link Rollups} recomputes them): each fact's statement selects the quarters
 * it changed, and {@link DirtyQuarters} marks them at the end of the transaction, sorted. Every write is idempotent —
 * per-event facts are keyed by the event id, the others by their natural id and written as "the value now
 * in force" — so a redelivery (the outbox is at least once) changes nothing. Facts never depend on events
 * of other aggregates having arrived first (an order may be handled before its cart's lines): the rollups
 * join facts when they are recomputed, not when events arrive.
 */
@ApplicationScoped
public class AnalyticsFacts implements EventConsumer {

    private final Sql sql;
    private final DirtyQuarters dirty;

    AnalyticsFacts(Sql sql, DirtyQuarters dirty) {
        this.sql = sql;
        this.dirty = dirty;
    }

    /** Runs a fact's statement, whose query selects the quarters it changed, and marks them dirty (DirtyQuarters). */
    private void record(String statement, Object... params) {
        dirty.mark(sql.query(statement, rs -> new DirtyQuarters.Quarter(rs.getObject(1, UUID.class),
                rs.getObject(2, java.time.OffsetDateTime.class).toInstant()), params));
    }

    @Override
    public String name() {
        return "analytics.facts";
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(SessionStarted.class, SessionPageViewed.class, CartCreated.class, CartLineAdded.class, CartLineUpdated.class,
                CartLineRemoved.class, CartBuyerIdentityUpdated.class, CartMerged.class, CartExpired.class, CheckoutStarted.class,
                CheckoutStepCompleted.class, OrderPlaced.class, OrderPaid.class, OrderCancelled.class, RefundCreated.class);
    }

    @Override
    public void handle(EventEnvelope e) {
        UUID store = e.storeId().value();
        Instant at = e.occurredAt();
        DomainEvent event = e.event();
        if (event instanceof SessionStarted s) {
            record("with s as (insert into analytics.session (store_id, id, started_at, landing_path, "
                    + "referrer_host, utm_source, utm_medium, utm_campaign) values (?, ?, ?, cast(? as text), cast(? as text), cast(? as text), "
                    + "cast(? as text), cast(? as text)) on conflict do nothing returning store_id, started_at)"
                    + " select store_id, analytics.quarter(started_at) from s",
                    store, s.sessionId(), or(s.startedAt(), at), s.landingPath(), s.referrerHost(), s.utmSource(), s.utmMedium(), s.utmCampaign());
        } else if (event instanceof SessionPageViewed v) {
            // Only product views feed a figure (top products); collection views and searches are not reported yet.
            if ("PRODUCT_VIEWED".equals(v.type()) && v.subjectId() != null) {
                record("with v as (insert into analytics.product_view (store_id, event_id, session_id, product_id, viewed_at) "
                        + "values (?, ?, cast(? as uuid), ?, ?) on conflict do nothing returning store_id, viewed_at)"
                        + " select store_id, analytics.quarter(viewed_at) from v",
                        store, e.eventId(), v.sessionId(), v.subjectId(), or(v.occurredAt(), at));
            }
        } else if (event instanceof CartCreated c) {
            record("with c as (insert into analytics.cart (store_id, id, session_id, created_at, currency_code) "
                    + "values (?, ?, cast(? as uuid), ?, cast(? as text)) on conflict (store_id, id) do update set "
                    + "session_id = coalesce(analytics.cart.session_id, excluded.session_id), "
                    + "created_at = coalesce(analytics.cart.created_at, excluded.created_at), "
                    + "currency_code = coalesce(analytics.cart.currency_code, excluded.currency_code) returning store_id, created_at)"
                    + " select store_id, analytics.quarter(created_at) from c",
                    store, c.cartId(), c.sessionId(), or(c.createdAt(), at), c.currencyCode());
        } else if (event instanceof CartLineAdded a) {
            lineChanged(store, a.cartId(), a.sessionId(), at, a.lineId(), new Added(e.eventId(), a.quantityAdded()),
                    new LineNow(a.variantId(), a.productId(), a.lineQuantity(), a.unitPriceMinor(), a.currencyCode()));
        } else if (event instanceof CartLineUpdated u) {
            lineChanged(store, u.cartId(), u.sessionId(), at, u.lineId(), null,
                    new LineNow(u.variantId(), u.productId(), u.quantity(), u.unitPriceMinor(), u.currencyCode()));
        } else if (event instanceof CartLineRemoved r) {
            lineChanged(store, r.cartId(), r.sessionId(), at, r.lineId(), null, null);
        } else if (event instanceof CartBuyerIdentityUpdated b) {
            sql.update("insert into analytics.cart (store_id, id, session_id, email, phone, country_code, "
                    + "customer_id) values (?, ?, cast(? as uuid), cast(? as text), cast(? as text), cast(? as text), cast(? as uuid)) "
                    + "on conflict (store_id, id) do update set session_id = coalesce(analytics.cart.session_id, excluded.session_id), "
                    + "email = excluded.email, phone = excluded.phone, country_code = excluded.country_code, customer_id = excluded.customer_id",
                    store, b.cartId(), b.sessionId(), b.email(), b.phone(), b.countryCode(), b.customerId());
        } else if (event instanceof CartMerged m) {
            record("with c as (insert into analytics.cart (store_id, id, merged_into) values (?, ?, ?) "
                    + "on conflict (store_id, id) do update set merged_into = excluded.merged_into returning store_id, first_line_at)"
                    + " select store_id, analytics.quarter(first_line_at) from c where first_line_at is not null",
                    store, m.cartId(), m.intoCartId());
        } else if (event instanceof CartExpired x) {
            sql.update("insert into analytics.cart (store_id, id, expired_at) values (?, ?, ?) "
                    + "on conflict (store_id, id) do update set expired_at = excluded.expired_at", store, x.cartId(), or(x.expiredAt(), at));
        } else if (event instanceof CheckoutStarted c) {
            record("with c as (insert into analytics.checkout (store_id, id, cart_id, session_id, started_at) "
                    + "values (?, ?, cast(? as uuid), cast(? as uuid), ?) on conflict do nothing returning store_id, started_at)"
                    + " select store_id, analytics.quarter(started_at) from c",
                    store, c.checkoutId(), c.cartId(), c.sessionId(), or(c.startedAt(), at));
        } else if (event instanceof CheckoutStepCompleted s) {
            record("with s as (insert into analytics.checkout_step (store_id, checkout_id, step_index, "
                    + "step, completed_at) values (?, ?, ?, ?, ?) on conflict do nothing returning store_id, checkout_id)"
                    + " select c.store_id, analytics.quarter(c.started_at) from s join analytics.checkout c "
                    + "on c.store_id = s.store_id and c.id = s.checkout_id",
                    store, s.checkoutId(), s.stepIndex(), s.step() == null ? "STEP_" + s.stepIndex() : s.step(), or(s.completedAt(), at));
        } else if (event instanceof OrderPlaced o) {
            placed(store, o, or(o.placedAt(), at));
        } else if (event instanceof OrderPaid p) {
            sql.update("update analytics.orders set paid_at = ?, paid_minor = ? where store_id = ? and id = ?",
                    or(p.paidAt(), at), p.paidMinor(), store, p.orderId());
        } else if (event instanceof OrderCancelled c) {
            // Counted when it happens (the order stays in the orders and revenue of the day it was placed). An order's
            // events come in the order it published them (as OrderPaid's update relies on); the first cancellation wins.
            record("with o as (update analytics.orders set cancelled_at = coalesce(cancelled_at, ?) where store_id = ? and id = ? "
                    + "returning store_id, cancelled_at) select store_id, analytics.quarter(cancelled_at) from o",
                    or(c.cancelledAt(), at), store, c.orderId());
        } else if (event instanceof RefundCreated r) {
            // Keyed by the refund id (or the event id when a refund has none), counted when the money went back.
            record("with r as (insert into analytics.refund (store_id, id, order_id, amount_minor, created_at) values (?, ?, ?, ?, ?) "
                    + "on conflict do nothing returning store_id, created_at)"
                    + " select store_id, analytics.quarter(created_at) from r",
                    store, r.refundId() != null ? r.refundId() : e.eventId(), r.orderId(), r.amountMinor(), or(r.createdAt(), at));
        }
        // Other subscribed types feed no figure yet: nothing to record.
    }

    /** A line as it is after a change (absent when the change removed it). */
    private record LineNow(UUID variantId, UUID productId, int quantity, long unitPriceMinor, String currencyCode) {
    }

    /** What an add added: its event (the add's key) and the units (absent for an update or a removal). */
    private record Added(UUID eventId, int units) {
    }

    /**
     * A line change in one statement: for an add, the add itself (adds per product, keyed by the event); the line as it is
     * now, or its removal; the cart's line times and count; and the dirty quarters: the cart's first-line quarter (carts
     * with lines, abandonment) and, for an add, the quarter of the add. One statement rather than three because this runs
     * for every line event of every cart (it was three round trips per cartLinesAdd). The parts of one statement share a
     * snapshot, so the count cannot see the line's own write: it counts the cart's other lines and adds this one when it
     * still exists. That is exact because a cart's events are delivered one at a time, in order (the outbox's queue per
     * aggregate): nothing else changes the cart's lines meanwhile.
     */
    private void lineChanged(UUID store, UUID cart, UUID session, Instant at, UUID lineId, Added added, LineNow line) {
        List<Object> params = new ArrayList<>();
        StringBuilder statement = new StringBuilder("with ");
        if (added != null) {
            statement.append("a as (insert into analytics.line_add (store_id, event_id, cart_id, product_id, quantity, added_at) "
                    + "values (?, ?, ?, cast(? as uuid), ?, ?) on conflict do nothing), ");
            params.addAll(Arrays.asList(store, added.eventId(), cart, line.productId(), added.units(), at));
        }
        if (line != null) {
            statement.append("l as (insert into analytics.cart_line (store_id, cart_id, line_id, variant_id, product_id, quantity, "
                    + "unit_price_minor, currency_code) values (?, ?, ?, cast(? as uuid), cast(? as uuid), ?, ?, cast(? as text)) "
                    + "on conflict (store_id, cart_id, line_id) do update set variant_id = excluded.variant_id, "
                    + "product_id = excluded.product_id, quantity = excluded.quantity, unit_price_minor = excluded.unit_price_minor, "
                    + "currency_code = excluded.currency_code), ");
            params.addAll(Arrays.asList(store, cart, lineId, line.variantId(), line.productId(), line.quantity(),
                    line.unitPriceMinor(), line.currencyCode()));
        } else {
            statement.append("l as (delete from analytics.cart_line where store_id = ? and cart_id = ? and line_id = ?), ");
            params.addAll(Arrays.asList(store, cart, lineId));
        }
        statement.append("c as (insert into analytics.cart (store_id, id, session_id, first_line_at, last_line_at, line_count) "
                + "values (?, ?, cast(? as uuid), case when ? then cast(? as timestamptz) end, ?, "
                + "(select count(*) from analytics.cart_line o where o.store_id = ? and o.cart_id = ? and o.line_id <> ?) + ?) "
                + "on conflict (store_id, id) do update set session_id = coalesce(analytics.cart.session_id, excluded.session_id), "
                + "first_line_at = case when excluded.first_line_at is null then analytics.cart.first_line_at "
                + "else least(coalesce(analytics.cart.first_line_at, excluded.first_line_at), excluded.first_line_at) end, "
                + "last_line_at = greatest(analytics.cart.last_line_at, excluded.last_line_at), line_count = excluded.line_count "
                + "returning store_id, first_line_at)"
                + " select store_id, analytics.quarter(first_line_at) from c where first_line_at is not null "
                + "union select cast(? as uuid), analytics.quarter(cast(? as timestamptz)) where ?");
        params.addAll(Arrays.asList(store, cart, session, added != null, at, at, store, cart, lineId, line != null ? 1 : 0, store, at,
                added != null));
        record(statement.toString(), params.toArray());
    }

    private void placed(UUID store, OrderPlaced o, Instant placedAt) {
        int inserted = sql.update("insert into analytics.orders (store_id, id, cart_id, session_id, placed_at, currency_code, total_minor) "
                + "values (?, ?, cast(? as uuid), cast(? as uuid), ?, ?, ?) on conflict do nothing",
                store, o.orderId(), o.cartId(), o.sessionId(), placedAt, o.currencyCode(), o.totalMinor());
        if (inserted == 0) {
            return; // a redelivery: the order and its lines are already recorded
        }
        int position = 0;
        for (OrderPlaced.Line line : o.lines()) {
            sql.update("insert into analytics.order_line (store_id, order_id, position, variant_id, product_id, quantity, total_minor) "
                    + "values (?, ?, ?, cast(? as uuid), cast(? as uuid), ?, ?) on conflict do nothing",
                    store, o.orderId(), position++, line.variantId(), line.productId(), line.quantity(), line.totalMinor());
        }
        // The order's own quarter (orders, revenue, purchases) and its cart's first-line quarter (abandonment).
        record("select ?, analytics.quarter(cast(? as timestamptz)) union select c.store_id, analytics.quarter(c.first_line_at) "
                + "from analytics.cart c where c.store_id = ? and c.id = cast(? as uuid) and c.first_line_at is not null",
                store, placedAt, store, o.cartId());
    }

    private static Instant or(Instant own, Instant envelope) {
        return own != null ? own : envelope;
    }
}
