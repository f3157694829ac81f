package io.shopgraph.platform.graphql;

import java.math.BigDecimal;
import java.util.Optional;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/**
 * An exact decimal number, sent as a string ({@code "12.50"}) or a JSON number, so that no client ever
 * has to round money through a binary float. Parsing is bounded before any expansion: at most
 * {@link #MAX_TEXT_LENGTH} characters, {@link #MAX_INTEGER_DIGITS} digits before the point and
 * {@link #MAX_FRACTION_DIGITS} after it once the exponent is applied, no NaN or infinity. A value such as
 * {@code "1e1000000"} is refused from its length and scale alone; it is never written out in full.
 * {@link DecimalCoercing} applies these rules to every argument and variable of type Decimal.
 */
@CustomScalar("Decimal")
public class Decimal implements CustomStringScalar {

    public static final int MAX_TEXT_LENGTH = 64;
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_FRACTION_DIGITS = 6;

    private final BigDecimal value;

    /** Used by SmallRye's default coercing only; {@link DecimalCoercing} replaces it at startup. */
    public Decimal(String value) {
        this.value = parse(value).orElseThrow(() -> new IllegalArgumentException(PROBLEM));
    }

    public Decimal(BigDecimal value) {
        this.value = value;
    }

    public BigDecimal value() {
        return value;
    }

    static final String PROBLEM = "a Decimal is a number such as \"12.50\" with at most " + MAX_INTEGER_DIGITS
            + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after it";

    /** The value of {@code text} within the bounds; empty for anything else (never an exception, never slow). */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Optional.empty(); // also NaN, Infinity, blanks, underscores
            }
        }
        try {
            return bounded(new BigDecimal(text)); // O(length): the exponent only sets the scale
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code value} when within the bounds, without expanding it. */
    public static Optional<BigDecimal> bounded(BigDecimal value) {
        if (value == null || value.precision() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        if (value.signum() == 0) {
            return Optional.of(BigDecimal.ZERO);
        }
        // Digits before the point = precision - scale; compared in long so an extreme scale cannot wrap.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return Optional.empty();
        }
        // A scale far beyond the fraction limit is refused before stripTrailingZeros could loop over it.
        if ((long) value.scale() > MAX_FRACTION_DIGITS + (long) MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(stripped.scale() < 0 ? stripped.setScale(0) : value);
    }

    @Override
    public String stringValueForSerialization() {
        return value.toPlainString();
    }

    @Override
    public String toString() {
        return stringValueForSerialization();
    }
}
