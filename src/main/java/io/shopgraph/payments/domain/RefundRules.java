package io.shopgraph.payments.domain;

/** What may be refunded: never more than captured minus already refunded (the database checks it again). */
public final class RefundRules {

    /** Longest reason kept with a refund. */
    public static final int MAX_REASON = 500;

    private RefundRules() {
    }

    public static long refundable(long capturedMinor, long refundedMinor) {
        return Math.max(0, capturedMinor - refundedMinor);
    }

    public static boolean fits(long amountMinor, long capturedMinor, long refundedMinor) {
        return amountMinor > 0 && amountMinor <= refundable(capturedMinor, refundedMinor);
    }
}
