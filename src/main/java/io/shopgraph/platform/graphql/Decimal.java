package io.shopgraph.platform.graphql;

import java.math.BigDecimal;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/**
 * An exact decimal number sent as a string (for example {@code "12.50"}), so that no client ever
 * rounds money through a binary float.
 */
@CustomScalar("Decimal")
public class Decimal implements CustomStringScalar {

    private final BigDecimal value;

    public Decimal(String value) {
        this.value = new BigDecimal(value);
    }

    public Decimal(BigDecimal value) {
        this.value = value;
    }

    public BigDecimal value() {
        return value;
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
