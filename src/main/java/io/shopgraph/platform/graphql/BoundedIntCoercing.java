package io.shopgraph.platform.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;

/**
 * SmallRye's Int coercing accepts any number and fails later, while converting the argument, which
 * surfaces as INTERNAL; this one first checks the GraphQL rule (a whole number within 32 bits) and
 * answers a coercion error naming the variable or argument.
 */
final class BoundedIntCoercing extends DelegatingCoercing {

    static final String PROBLEM = "an Int is a whole number between -2147483648 and 2147483647";

    BoundedIntCoercing(Coercing<?, ?> delegate) {
        super(delegate);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        Integer value = exact(input);
        if (value == null) {
            throw new CoercingParseValueException(PROBLEM + ".");
        }
        return delegate.parseValue(value, context, locale);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (!(input instanceof IntValue i) || i.getValue().bitLength() > 31) {
            throw new CoercingParseLiteralException(PROBLEM + ".");
        }
        return delegate.parseLiteral(input, variables, context, locale);
    }

    static Integer exact(Object input) {
        if (input instanceof Integer i) {
            return i;
        }
        if (input instanceof Short || input instanceof Byte) {
            return ((Number) input).intValue();
        }
        if (input instanceof Long l) {
            return l == l.intValue() ? l.intValue() : null;
        }
        if (input instanceof BigInteger b) {
            return b.bitLength() <= 31 ? b.intValue() : null;
        }
        if (input instanceof BigDecimal d) {
            return d.precision() - d.scale() > 11 ? null : exact(toInteger(d));
        }
        if (input instanceof Double || input instanceof Float) {
            double v = ((Number) input).doubleValue();
            return v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (int) v : null;
        }
        return null;
    }

    private static Object toInteger(BigDecimal d) {
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException fraction) {
            return null;
        }
    }
}
