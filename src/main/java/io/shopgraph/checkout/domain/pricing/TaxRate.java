package io.shopgraph.checkout.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tax rate that applies at the cart's destination (several add up, e.g. a federal and a provincial rate).
 * {@code rate} is a fraction: 0.2 for 20 %, 0.08875 for 8.875 %.
 */
public record TaxRate(String title, BigDecimal rate) {

    public TaxRate {
        Objects.requireNonNull(title, "title");
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("tax rate must be between 0 and 1");
        }
    }
}
