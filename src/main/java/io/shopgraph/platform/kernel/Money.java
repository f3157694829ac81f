package io.shopgraph.platform.kernel;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in integer minor units (cents) of an ISO 4217 currency. Stored as two
 * columns, {@code *_minor bigint} and {@code currency char(3)}; never as a float.
 */
public record Money(long minorUnits, String currencyCode) {

    public Money {
        Objects.requireNonNull(currencyCode, "currencyCode");
        Currency.getInstance(currencyCode);
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currencyCode);
    }

    public static Money zero(String currencyCode) {
        return new Money(0, currencyCode);
    }

    /** Parses a decimal amount; rejects amounts with more fraction digits than the currency has. */
    public static Money parse(BigDecimal amount, String currencyCode) {
        int digits = fractionDigits(currencyCode);
        return new Money(amount.movePointRight(digits).longValueExact(), currencyCode);
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currencyCode));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currencyCode);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currencyCode);
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currencyCode.equals(other.currencyCode)) {
            throw new IllegalArgumentException("Cannot combine " + currencyCode + " with " + other.currencyCode);
        }
    }

    private static int fractionDigits(String currencyCode) {
        return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    }
}
