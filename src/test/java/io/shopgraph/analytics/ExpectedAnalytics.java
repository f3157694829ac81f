package io.shopgraph.analytics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.shopgraph.analytics.AnalyticsHistory.Dated;
import io.shopgraph.cart.api.events.CartBuyerIdentityUpdated;
import io.shopgraph.cart.api.events.CartCreated;
import io.shopgraph.cart.api.events.CartLineAdded;
import io.shopgraph.cart.api.events.CartLineRemoved;
import io.shopgraph.cart.api.events.CartLineUpdated;
import io.shopgraph.cart.api.events.CartMerged;
import io.shopgraph.cart.api.events.SessionPageViewed;
import io.shopgraph.cart.api.events.SessionStarted;
import io.shopgraph.checkout.api.events.CheckoutStarted;
import io.shopgraph.checkout.api.events.CheckoutStepCompleted;
import io.shopgraph.orders.api.events.OrderCancelled;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.orders.api.events.RefundCreated;

/**
 * The figures of docs/analytics.md computed straight from the list of published events, in plain Java written
 * apart from the production code (no rollups, no SQL): the oracle the test compares storeAnalytics with.
 */
final class ExpectedAnalytics {

    record Cart(UUID id, Instant created, Instant firstLine, Instant lastLine, UUID mergedInto, String email, String phone,
            Map<UUID, long[]> lines) {
    }

    record Order(UUID id, UUID cart, Instant placed, long total, List<OrderPlaced.Line> lines) {
    }

    record Session(Instant started, String referrer, String landing, String campaign) {
    }

    /** Counters of a bucket, plus the rates, as the API answers them. */
    record Bucket(long sessions, long cartsCreated, long cartsWithLines, long checkoutsStarted, long orders, long revenue,
            long cartsOrdered, long abandoned, long awaiting, long refunds, long cancelled) {

        static final Bucket EMPTY = new Bucket(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Bucket plus(Bucket b) {
            return new Bucket(sessions + b.sessions, cartsCreated + b.cartsCreated, cartsWithLines + b.cartsWithLines,
                    checkoutsStarted + b.checkoutsStarted, orders + b.orders, revenue + b.revenue, cartsOrdered + b.cartsOrdered,
                    abandoned + b.abandoned, awaiting + b.awaiting, refunds + b.refunds, cancelled + b.cancelled);
        }

        Double conversion() {
            return sessions == 0 ? null : (double) orders / sessions;
        }

        Double abandonmentRate() {
            long decided = cartsOrdered + abandoned;
            return decided == 0 ? null : (double) abandoned / decided;
        }
    }

    final Map<UUID, Session> sessions = new HashMap<>();
    final Map<UUID, Cart> carts = new LinkedHashMap<>();
    final Map<UUID, Order> orders = new HashMap<>();
    final Map<UUID, Instant> checkouts = new HashMap<>();
    final Map<UUID, Map<Integer, String>> steps = new HashMap<>();
    final List<Object[]> views = new ArrayList<>(); // {product, at}
    final List<Object[]> adds = new ArrayList<>(); // {product, quantity, at}
    final List<Object[]> refunds = new ArrayList<>(); // {amount, at}
    final List<Instant> cancellations = new ArrayList<>();
    final Duration window;
    final Instant now;

    ExpectedAnalytics(List<List<Dated>> history, Duration window, Instant now) {
        this.window = window;
        this.now = now;
        for (List<Dated> session : history) {
            for (Dated d : session) {
                apply(d);
            }
        }
    }

    private void apply(Dated d) {
        Object e = d.event();
        if (e instanceof SessionStarted s) {
            sessions.put(s.sessionId(), new Session(s.startedAt(), s.referrerHost(), s.landingPath(), s.utmCampaign()));
        } else if (e instanceof SessionPageViewed v && "PRODUCT_VIEWED".equals(v.type())) {
            views.add(new Object[] { v.subjectId(), v.occurredAt() });
        } else if (e instanceof CartCreated c) {
            carts.put(c.cartId(), new Cart(c.cartId(), c.createdAt(), null, null, null, null, null, new LinkedHashMap<>()));
        } else if (e instanceof CartLineAdded a) {
            adds.add(new Object[] { a.productId(), (long) a.quantityAdded(), d.at() });
            Cart c = carts.get(a.cartId());
            c.lines().put(a.lineId(), new long[] { a.lineQuantity(), a.unitPriceMinor() });
            carts.put(c.id(), new Cart(c.id(), c.created(), c.firstLine() == null ? d.at() : c.firstLine(), d.at(), c.mergedInto(), c.email(),
                    c.phone(), c.lines()));
        } else if (e instanceof CartLineUpdated u) {
            Cart c = carts.get(u.cartId());
            c.lines().put(u.lineId(), new long[] { u.quantity(), u.unitPriceMinor() });
            carts.put(c.id(), new Cart(c.id(), c.created(), c.firstLine(), d.at(), c.mergedInto(), c.email(), c.phone(), c.lines()));
        } else if (e instanceof CartLineRemoved x) {
            Cart c = carts.get(x.cartId());
            c.lines().remove(x.lineId());
            carts.put(c.id(), new Cart(c.id(), c.created(), c.firstLine(), d.at(), c.mergedInto(), c.email(), c.phone(), c.lines()));
        } else if (e instanceof CartBuyerIdentityUpdated b) {
            Cart c = carts.get(b.cartId());
            carts.put(c.id(), new Cart(c.id(), c.created(), c.firstLine(), c.lastLine(), c.mergedInto(), b.email(), b.phone(), c.lines()));
        } else if (e instanceof CartMerged m) {
            Cart c = carts.get(m.cartId());
            carts.put(c.id(), new Cart(c.id(), c.created(), c.firstLine(), c.lastLine(), m.intoCartId(), c.email(), c.phone(), c.lines()));
        } else if (e instanceof CheckoutStarted c) {
            checkouts.put(c.checkoutId(), c.startedAt());
        } else if (e instanceof CheckoutStepCompleted s) {
            steps.computeIfAbsent(s.checkoutId(), k -> new TreeMap<>()).put(s.stepIndex(), s.step());
        } else if (e instanceof OrderPlaced o) {
            orders.put(o.orderId(), new Order(o.orderId(), o.cartId(), o.placedAt(), o.totalMinor(), o.lines()));
        } else if (e instanceof RefundCreated r) {
            refunds.add(new Object[] { r.amountMinor(), r.createdAt() });
        } else if (e instanceof OrderCancelled c) {
            cancellations.add(c.cancelledAt());
        }
    }

    /** Whether the cart has an order placed at most the window after its last line change. */
    boolean ordered(Cart c) {
        return orders.values().stream().anyMatch(o -> c.id().equals(o.cart()) && !o.placed().isAfter(c.lastLine().plus(window)));
    }

    boolean abandoned(Cart c) {
        return c.firstLine() != null && c.mergedInto() == null && !ordered(c) && !c.lastLine().plus(window).isAfter(now);
    }

    static LocalDate bucketStart(Instant t, ZoneId zone, String granularity) {
        LocalDate day = t.atZone(zone).toLocalDate();
        return switch (granularity) {
            case "WEEK" -> day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
            case "MONTH" -> LocalDate.of(day.getYear(), day.getMonth(), 1);
            default -> day;
        };
    }

    private static boolean inside(Instant t, ZoneId zone, LocalDate from, LocalDate to) {
        if (t == null) {
            return false;
        }
        LocalDate day = t.atZone(zone).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Buckets keyed by their first local day; only buckets with something in them. */
    Map<LocalDate, Bucket> buckets(ZoneId zone, String granularity, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> acc = new TreeMap<>();
        java.util.function.BiConsumer<Instant, java.util.function.Consumer<long[]>> add = (t, f) -> {
            if (inside(t, zone, from, to)) {
                f.accept(acc.computeIfAbsent(bucketStart(t, zone, granularity), k -> new long[11]));
            }
        };
        sessions.values().forEach(s -> add.accept(s.started(), a -> a[0]++));
        for (Cart c : carts.values()) {
            add.accept(c.created(), a -> a[1]++);
            add.accept(c.firstLine(), a -> {
                a[2]++;
                if (c.mergedInto() == null) {
                    if (ordered(c)) {
                        a[6]++;
                    } else if (abandoned(c)) {
                        a[7]++;
                    } else {
                        a[8]++;
                    }
                }
            });
        }
        checkouts.values().forEach(t -> add.accept(t, a -> a[3]++));
        orders.values().forEach(o -> add.accept(o.placed(), a -> {
            a[4]++;
            a[5] += o.total();
        }));
        refunds.forEach(r -> add.accept((Instant) r[1], a -> a[9] += (Long) r[0]));
        cancellations.forEach(t -> add.accept(t, a -> a[10]++));
        Map<LocalDate, Bucket> out = new TreeMap<>();
        acc.forEach((k, a) -> out.put(k, new Bucket(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10])));
        return out;
    }

    /** Top products as [productId, views, adds, purchases], by purchases, adds, views, then id. */
    List<Object[]> topProducts(ZoneId zone, LocalDate from, LocalDate to, int top) {
        Map<UUID, long[]> acc = new HashMap<>();
        for (Object[] v : views) {
            if (inside((Instant) v[1], zone, from, to)) {
                acc.computeIfAbsent((UUID) v[0], k -> new long[3])[0]++;
            }
        }
        for (Object[] a : adds) {
            if (inside((Instant) a[2], zone, from, to)) {
                acc.computeIfAbsent((UUID) a[0], k -> new long[3])[1] += (Long) a[1];
            }
        }
        for (Order o : orders.values()) {
            if (inside(o.placed(), zone, from, to)) {
                for (OrderPlaced.Line l : o.lines()) {
                    acc.computeIfAbsent(l.productId(), k -> new long[3])[2] += l.quantity();
                }
            }
        }
        return acc.entrySet().stream()
                .sorted(Comparator.<Map.Entry<UUID, long[]>>comparingLong(e -> -e.getValue()[2]).thenComparingLong(e -> -e.getValue()[1])
                        .thenComparingLong(e -> -e.getValue()[0]).thenComparing(e -> e.getKey().toString()))
                .limit(top).map(e -> new Object[] { e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2] }).toList();
    }

    /** A traffic top list as [value, sessions]: kind REFERRER, LANDING_PAGE or CAMPAIGN. */
    List<Object[]> topTraffic(String kind, ZoneId zone, LocalDate from, LocalDate to, int top) {
        Map<String, Long> acc = new HashMap<>();
        for (Session s : sessions.values()) {
            if (!inside(s.started(), zone, from, to)) {
                continue;
            }
            String key = switch (kind) {
                case "REFERRER" -> s.referrer() == null ? "(direct)" : s.referrer();
                case "LANDING_PAGE" -> s.landing() == null ? "(unknown)" : s.landing();
                default -> s.campaign();
            };
            if (key != null) {
                acc.merge(key, 1L, Long::sum);
            }
        }
        return acc.entrySet().stream().sorted(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey)).limit(top).map(e -> new Object[] { e.getKey(), e.getValue() }).toList();
    }

    /** Checkout steps as [index, name, reached] for checkouts started in the period. */
    List<Object[]> funnel(ZoneId zone, LocalDate from, LocalDate to) {
        Map<Integer, Object[]> acc = new TreeMap<>();
        checkouts.forEach((id, started) -> {
            if (inside(started, zone, from, to)) {
                steps.getOrDefault(id, Map.of()).forEach((i, name) -> {
                    Object[] row = acc.computeIfAbsent(i, k -> new Object[] { i, name, 0L });
                    row[2] = (Long) row[2] + 1;
                });
            }
        });
        return new ArrayList<>(acc.values());
    }

    /** Abandoned carts with contact details and lines whose last change is on from..to in zone, newest first. */
    List<Cart> abandonedCarts(ZoneId zone, LocalDate from, LocalDate to) {
        return carts.values().stream()
                .filter(c -> abandoned(c) && (c.email() != null || c.phone() != null) && !c.lines().isEmpty() && inside(c.lastLine(), zone, from, to))
                .sorted(Comparator.comparing(Cart::lastLine).thenComparing(c -> c.id().toString()).reversed()).toList();
    }
}
