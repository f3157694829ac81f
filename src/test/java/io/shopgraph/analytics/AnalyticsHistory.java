package io.shopgraph.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

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

/**
 * A deterministic shopping history for one store (a seeded random): sessions over months with product views,
 * carts, line changes, contact details, merges, checkouts and their steps, orders (some after the abandonment
 * window, some without a cart), payments, refunds, cancellations, and a few carts still inside their window. Each event comes with
 * the instant it happened, which the test publishes as the envelope's time.
 */
final class AnalyticsHistory {

    /** One event as published: when, and what. Events of one session are published together, in this order. */
    record Dated(Instant at, DomainEvent event) {
    }

    static final List<String> REFERRERS = List.of("google.com", "instagram.com", "news.example", "blog.example");
    static final List<String> LANDINGS = List.of("/", "/products/hat", "/collections/summer", "/products/scarf", "/blog/style");
    static final List<String> CAMPAIGNS = List.of("spring-sale", "newsletter-42", "black-friday");
    static final List<String> STEPS = List.of("CONTACT", "SHIPPING", "PAYMENT");

    private AnalyticsHistory() {
    }

    /** The sessions of one store: {@code sessions} spread over {@code days} days ending {@code endAgo} before now, plus 6 recent carts. */
    static List<List<Dated>> generate(long seed, int sessions, int days, Duration endAgo, Instant now) {
        Random r = new Random(seed);
        List<UUID> products = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            products.add(new UUID(r.nextLong(), r.nextLong()));
        }
        Instant end = now.minus(endAgo);
        Instant start = end.minus(days, ChronoUnit.DAYS);
        long span = Duration.between(start, end).getSeconds();
        List<List<Dated>> out = new ArrayList<>();
        long orderNumber = 1000;
        for (int s = 0; s < sessions; s++) {
            Instant t0 = start.plusSeconds((long) (r.nextDouble() * span));
            out.add(session(r, products, t0, orderNumber, false));
            orderNumber += 3;
        }
        // Carts whose window is still open: counted as awaiting, neither ordered nor abandoned.
        for (int s = 0; s < 6; s++) {
            out.add(session(r, products, now.minus(3 + s, ChronoUnit.HOURS), orderNumber, true));
            orderNumber += 3;
        }
        return out;
    }

    private static List<Dated> session(Random r, List<UUID> products, Instant t0, long orderNumber, boolean recent) {
        List<Dated> events = new ArrayList<>();
        UUID session = new UUID(r.nextLong(), r.nextLong());
        String referrer = r.nextInt(4) == 0 ? null : pick(r, REFERRERS);
        String campaign = r.nextInt(3) == 0 ? pick(r, CAMPAIGNS) : null;
        String landing = r.nextInt(10) == 0 ? null : pick(r, LANDINGS);
        events.add(new Dated(t0, new SessionStarted(session, t0, landing, referrer, campaign == null ? null : "mail", null, campaign, null,
                null, "fr-FR", "FR", "mobile")));
        Instant t = t0;
        int views = recent ? 1 : r.nextInt(5);
        for (int v = 0; v < views; v++) {
            t = t.plusSeconds(20 + r.nextInt(400));
            events.add(new Dated(t, new SessionPageViewed(session, "PRODUCT_VIEWED", pick(r, products), null, t)));
        }
        if (r.nextInt(6) == 0) {
            t = t.plusSeconds(30);
            events.add(new Dated(t, new SessionPageViewed(session, "SEARCHED", null, "hat", t)));
        }
        if (!recent && r.nextInt(100) < 55) {
            return events; // a visit without a cart
        }
        UUID cart = new UUID(r.nextLong(), r.nextLong());
        t = t.plusSeconds(10 + r.nextInt(120));
        events.add(new Dated(t, new CartCreated(cart, session, "EUR", t)));
        if (!recent && r.nextInt(8) == 0) {
            return events; // an empty cart
        }
        List<UUID[]> lines = new ArrayList<>(); // {line, variant, product}
        List<Integer> quantities = new ArrayList<>();
        int adds = 1 + r.nextInt(3);
        for (int a = 0; a < adds; a++) {
            t = t.plusSeconds(5 + r.nextInt(600));
            UUID product = pick(r, products);
            UUID variant = new UUID(product.getMostSignificantBits(), product.getLeastSignificantBits() ^ 1);
            int quantity = 1 + r.nextInt(3);
            int existing = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i)[2].equals(product)) {
                    existing = i;
                }
            }
            if (existing >= 0) {
                quantities.set(existing, quantities.get(existing) + quantity);
                UUID[] l = lines.get(existing);
                events.add(new Dated(t, new CartLineAdded(cart, session, l[0], l[1], l[2], quantity, quantities.get(existing), price(l[2]), "EUR")));
            } else {
                UUID line = new UUID(r.nextLong(), r.nextLong());
                lines.add(new UUID[] { line, variant, product });
                quantities.add(quantity);
                events.add(new Dated(t, new CartLineAdded(cart, session, line, variant, product, quantity, quantity, price(product), "EUR")));
            }
        }
        if (r.nextInt(5) == 0) {
            t = t.plusSeconds(30 + r.nextInt(300));
            UUID[] l = lines.get(0);
            int q = quantities.get(0);
            quantities.set(0, q + 1);
            events.add(new Dated(t, new CartLineUpdated(cart, session, l[0], l[1], l[2], q, q + 1, price(l[2]), "EUR")));
        }
        if (lines.size() > 1 && r.nextInt(5) == 0) {
            t = t.plusSeconds(30 + r.nextInt(300));
            UUID[] l = lines.remove(lines.size() - 1);
            int q = quantities.remove(quantities.size() - 1);
            events.add(new Dated(t, new CartLineRemoved(cart, session, l[0], l[1], l[2], q, price(l[2]), "EUR")));
        }
        if (recent || r.nextInt(2) == 0) {
            t = t.plusSeconds(15);
            String email = r.nextInt(4) == 0 ? null : "shopper-" + session.toString().substring(0, 8) + "@example.com";
            String phone = email == null ? "+3361234" + (1000 + r.nextInt(9000)) : null;
            events.add(new Dated(t, new CartBuyerIdentityUpdated(cart, session, null, email, phone, "FR")));
        }
        if (recent) {
            return events;
        }
        if (r.nextInt(20) == 0) {
            // Signed in elsewhere: this cart is merged into another open cart of the customer (a cart of its own).
            UUID into = new UUID(r.nextLong(), r.nextLong());
            t = t.plusSeconds(60);
            events.add(new Dated(t, new CartMerged(cart, into)));
            return events;
        }
        if (r.nextInt(100) < 45) {
            // Checkout: started, then up to every step, then maybe an order (sometimes after the window).
            UUID checkout = new UUID(r.nextLong(), r.nextLong());
            t = t.plusSeconds(30 + r.nextInt(600));
            events.add(new Dated(t, new CheckoutStarted(checkout, cart, session, t)));
            // Half the checkouts complete every step, the others stop at one of them (or before the first).
            int steps = r.nextBoolean() ? STEPS.size() : r.nextInt(STEPS.size());
            for (int i = 0; i < steps; i++) {
                t = t.plusSeconds(20 + r.nextInt(300));
                events.add(new Dated(t, new CheckoutStepCompleted(checkout, cart, session, i + 1, STEPS.get(i), t)));
            }
            if (steps == STEPS.size() && r.nextInt(100) < 80) {
                Instant placed = r.nextInt(10) == 0 ? t.plus(30, ChronoUnit.HOURS) : t.plusSeconds(10 + r.nextInt(60));
                events.add(new Dated(placed, order(r, cart, session, lines, quantities, orderNumber, placed)));
                OrderPlaced o = (OrderPlaced) events.get(events.size() - 1).event();
                if (r.nextBoolean()) {
                    events.add(new Dated(placed.plusSeconds(5), new OrderPaid(o.orderId(), orderNumber, session, "EUR", o.totalMinor(),
                            placed.plusSeconds(5))));
                    if (r.nextInt(3) == 0) {
                        // Money paid back later (often on another day than the order's): counted when paid back.
                        Instant refunded = placed.plusSeconds(600 + r.nextInt(20 * 3600));
                        events.add(new Dated(refunded, new RefundCreated(o.orderId(), orderNumber, new UUID(r.nextLong(), r.nextLong()), "EUR",
                                Math.min(o.totalMinor(), 100 + r.nextInt(3000)), false, refunded)));
                    }
                } else if (r.nextInt(3) == 0) {
                    Instant cancelled = placed.plusSeconds(60 + r.nextInt(6 * 3600));
                    events.add(new Dated(cancelled, new OrderCancelled(o.orderId(), orderNumber, "changed mind", "EUR", 0, cancelled)));
                }
                return events;
            }
        }
        if (r.nextInt(30) == 0) {
            // An order without a cart or session (e.g. created by staff): counts as an order, not for any cart.
            events.add(new Dated(t.plusSeconds(99), order(r, null, null, List.of(), List.of(), orderNumber + 1, t.plusSeconds(99))));
        }
        if (r.nextInt(3) == 0 && t.plus(10, ChronoUnit.DAYS).isBefore(Instant.now())) {
            events.add(new Dated(t.plus(10, ChronoUnit.DAYS), new CartExpired(cart, t.plus(10, ChronoUnit.DAYS))));
        }
        return events;
    }

    private static OrderPlaced order(Random r, UUID cart, UUID session, List<UUID[]> lines, List<Integer> quantities, long number,
            Instant placed) {
        List<OrderPlaced.Line> orderLines = new ArrayList<>();
        long subtotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            long total = price(lines.get(i)[2]) * quantities.get(i);
            orderLines.add(new OrderPlaced.Line(lines.get(i)[1], lines.get(i)[2], quantities.get(i), total));
            subtotal += total;
        }
        if (lines.isEmpty()) {
            subtotal = 500 + r.nextInt(20000);
        }
        long shipping = r.nextInt(3) * 495L;
        return new OrderPlaced(new UUID(r.nextLong(), r.nextLong()), number, cart, session, null, "EUR", subtotal, 0, shipping, 0,
                subtotal + shipping, orderLines, placed);
    }

    /** A product's price in cents, fixed per product. */
    static long price(UUID product) {
        return 199 + Math.floorMod(product.getLeastSignificantBits(), 9000);
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
