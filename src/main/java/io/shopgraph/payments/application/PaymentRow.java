package io.shopgraph.payments.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;

/** One payments.payment row as read by {@link PaymentRecords#COLUMNS}, with what only this module sees. */
public record PaymentRow(UUID id, UUID referenceId, PaymentProvider provider, PaymentStatus status, long amountMinor, long capturedMinor,
        long refundedMinor, String currencyCode, String idempotencyKey, String description, String providerReference,
        String clientSecretEnc, Instant providerEventAt, String disputeStatus, Instant createdAt, Instant updatedAt) {

    static PaymentRow of(Object[] r) {
        return new PaymentRow(uuid(r[0]), uuid(r[1]), PaymentProvider.valueOf((String) r[2]), PaymentStatus.valueOf((String) r[3]),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), ((String) r[7]).trim(),
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], instant(r[12]), (String) r[13], instant(r[14]),
                instant(r[15]));
    }

    /** The shopper still has to act (or may try again) only while the payment is neither final nor processing. */
    boolean awaitsShopper() {
        return status == PaymentStatus.PENDING || status == PaymentStatus.FAILED;
    }

    PaymentView view(String clientSecret) {
        return new PaymentView(id, referenceId, provider, status, amountMinor, capturedMinor, refundedMinor, currencyCode,
                awaitsShopper() ? clientSecret : null, providerReference, createdAt, updatedAt);
    }

    static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    static Instant instant(Object o) {
        if (o == null || o instanceof Instant) {
            return (Instant) o;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + o.getClass());
    }
}
