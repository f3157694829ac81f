package io.shopgraph.payments.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.shopgraph.payments.api.PaymentStatus;

/**
 * The rules of the one payment status writer. SUCCEEDED and CANCELED are final. A non-final status moves
 * to any other status, but a provider event older than the last one applied cannot move it back to a
 * non-final status: events then converge to the same status whatever order they arrive in (a late
 * {@code processing} never undoes a {@code payment_failed} that happened after it, and nothing undoes
 * {@code succeeded}).
 */
public final class PaymentTransitions {

    private static final Set<PaymentStatus> FINAL = EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.CANCELED);

    private PaymentTransitions() {
    }

    /** What the writer does with a requested transition. */
    public enum Decision {
        /** Change the status and publish the event of the new status. */
        APPLY,
        /** Already there, already past it, or stale: change nothing, publish nothing. */
        IGNORE
    }

    public static boolean isFinal(PaymentStatus status) {
        return FINAL.contains(status);
    }

    /**
     * Whether {@code current} (last moved by a provider event of time {@code currentEventAt}, null when
     * none) moves to {@code target}, asked for by a provider event of time {@code eventAt} (null when the
     * request is ours: the merchant's markPaid, a cancel, the synchronous confirmation, the reconciler's
     * fresh read of the provider, which are all current by definition).
     */
    public static Decision decide(PaymentStatus current, Instant currentEventAt, PaymentStatus target, Instant eventAt) {
        if (current == target || isFinal(current)) {
            return Decision.IGNORE;
        }
        if (target == PaymentStatus.PENDING) {
            return Decision.IGNORE; // nothing goes back to the start
        }
        if (!isFinal(target) && eventAt != null && currentEventAt != null && eventAt.isBefore(currentEventAt)) {
            return Decision.IGNORE;
        }
        return Decision.APPLY;
    }
}
