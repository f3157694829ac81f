package io.shopgraph.platform.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;

/**
 * The coercing of the Decimal scalar. SmallRye's own accepts only strings and, on a bad value, answers
 * a message naming the Java class behind the scalar; this one accepts strings and JSON numbers (literal
 * or variable), applies {@link Decimal}'s bounds before any expansion, and says what a Decimal is.
 * graphql-java prefixes the message with the variable or argument it came from.
 */
final class DecimalCoercing implements Coercing<Decimal, String> {

    @Override
    public String serialize(Object output, GraphQLContext context, Locale locale) {
        if (output instanceof Decimal d) {
            return d.stringValueForSerialization();
        }
        if (output instanceof BigDecimal b) {
            return b.toPlainString();
        }
        throw new CoercingSerializeException("Not a decimal number.");
    }

    @Override
    public Decimal parseValue(Object input, GraphQLContext context, Locale locale) {
        return of(input).orElseThrow(() -> new CoercingParseValueException(Decimal.PROBLEM + "."));
    }

    @Override
    public Decimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Optional<Decimal> value = Optional.empty();
        if (input instanceof StringValue s) {
            value = of(s.getValue());
        } else if (input instanceof IntValue i) {
            value = of(i.getValue());
        } else if (input instanceof FloatValue f) {
            value = of(f.getValue());
        }
        return value.orElseThrow(() -> new CoercingParseLiteralException(Decimal.PROBLEM + "."));
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.newStringValue(serialize(input, context, locale)).build();
    }

    static Optional<Decimal> of(Object input) {
        Optional<BigDecimal> value;
        if (input instanceof Decimal d) {
            return Optional.of(d);
        } else if (input instanceof String s) {
            value = Decimal.parse(s);
        } else if (input instanceof BigDecimal b) {
            value = Decimal.bounded(b);
        } else if (input instanceof BigInteger b) {
            value = b.bitLength() > 64 ? Optional.empty() : Decimal.bounded(new BigDecimal(b));
        } else if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
            value = Decimal.bounded(BigDecimal.valueOf(((Number) input).longValue()));
        } else if (input instanceof Double || input instanceof Float) {
            double d = ((Number) input).doubleValue();
            value = Double.isFinite(d) ? Decimal.bounded(BigDecimal.valueOf(d)) : Optional.empty();
        } else {
            value = Optional.empty();
        }
        return value.map(Decimal::new);
    }
}
