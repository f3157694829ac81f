package io.shopgraph.platform.graphql.limits;

import java.time.Duration;

import io.shopgraph.platform.graphql.CurrentRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The execution deadline of one request: set when the request arrives, cut short when its client goes
 * away. Data fetchers that start after it passed are not run ({@link LimitsInstrumentation}), and every
 * transaction of the request gets the remaining time as PostgreSQL's {@code statement_timeout}, so a
 * statement cannot outlive it either.
 */
public final class Deadline {

    /** Routing-context key of the request's deadline. */
    public static final String KEY = "shopgraph.limits.deadline";

    private final long endNanos;
    private volatile boolean abandoned;

    Deadline(Duration budget) {
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /** The client of a query closed the connection: nothing more is worth reading. */
    public void abandon() {
        abandoned = true;
    }

    public boolean passed() {
        return abandoned || System.nanoTime() - endNanos >= 0;
    }

    /** Milliseconds left, at least 1 while not passed; 0 once passed. */
    public long remainingMillis() {
        if (passed()) {
            return 0;
        }
        return Math.max(1, (endNanos - System.nanoTime()) / 1_000_000);
    }

    /** The deadline of the current HTTP request, if any (none outside HTTP: jobs, startup). */
    public static Deadline current() {
        RoutingContext ctx = CurrentRequest.routingContext();
        return ctx == null ? null : ctx.get(KEY);
    }
}
