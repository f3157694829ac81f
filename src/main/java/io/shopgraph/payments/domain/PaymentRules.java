package io.shopgraph.payments.domain;

import java.util.regex.Pattern;

/** What a payment request must be before any row or provider call is made. */
public final class PaymentRules {

    public static final int MAX_IDEMPOTENCY_KEY = 200;
    public static final int MAX_DESCRIPTION = 1000;
    /** Stripe's own ceiling for one amount (99,999,999 minor units), which the manual provider shares. */
    public static final long MAX_AMOUNT_MINOR = 99_999_999L;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private PaymentRules() {
    }

    /** Null when the request is acceptable, else why not. */
    public static String problem(long amountMinor, String currencyCode, String idempotencyKey, String description) {
        if (amountMinor <= 0 || amountMinor > MAX_AMOUNT_MINOR) {
            return "The amount is between 1 and " + MAX_AMOUNT_MINOR + " minor units.";
        }
        if (currencyCode == null || !CURRENCY.matcher(currencyCode).matches()) {
            return "The currency is an ISO 4217 code in capitals.";
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            return "The idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY + " characters.";
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            return "The description has at most " + MAX_DESCRIPTION + " characters.";
        }
        return null;
    }
}
