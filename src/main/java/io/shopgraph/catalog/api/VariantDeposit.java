package io.shopgraph.catalog.api;

/**
 * The deposit a variant requires: {@code value} is basis points (1..10000) for PERCENTAGE, minor units of the
 * variant's currency per unit for FIXED. Checkout turns it into the amount due now (checkout.domain).
 */
public record VariantDeposit(DepositKind kind, long value) {

    public VariantDeposit {
        if (kind == null || value <= 0 || (kind == DepositKind.PERCENTAGE && value > 10_000)) {
            throw new IllegalArgumentException("deposit " + kind + " " + value);
        }
    }

    /**
     * What this deposit asks of a line whose total after discounts, with its tax, is {@code grossMinor} for
     * {@code quantity} units: PERCENTAGE rounds half up to the minor unit; FIXED is the amount per unit times the
     * quantity. Never more than the line, and at least one minor unit of a line that costs anything (a deposit
     * that rounds to nothing would leave nothing to pay now). Checkout's payment plan (checkout.domain) and the
     * variant's shown deposit both use this one rule.
     */
    public long dueOn(long grossMinor, int quantity) {
        if (grossMinor <= 0) {
            return 0;
        }
        long due = kind == DepositKind.PERCENTAGE
                ? java.math.BigDecimal.valueOf(grossMinor).multiply(java.math.BigDecimal.valueOf(value))
                        .divide(java.math.BigDecimal.valueOf(10_000), 0, java.math.RoundingMode.HALF_UP).longValueExact()
                : Math.multiplyExact(value, (long) quantity);
        return Math.max(1, Math.min(due, grossMinor));
    }
}
