package io.shopgraph.platform.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;

/**
 * SmallRye's date and time coercing, with the range PostgreSQL can store: years 1 to 9999. Java's
 * types reach year ±999,999,999, which the database refuses with an error that would surface as INTERNAL.
 */
final class BoundedDateTimeCoercing extends DelegatingCoercing {

    static final String PROBLEM = "a date and time must lie between the years 1 and 9999, as in \"2026-11-26T12:00:00Z\"";

    BoundedDateTimeCoercing(Coercing<?, ?> delegate) {
        super(delegate);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        Object value;
        try {
            value = delegate.parseValue(input, context, locale);
        } catch (RuntimeException e) {
            throw new CoercingParseValueException(PROBLEM + ".");
        }
        if (!storable(value)) {
            throw new CoercingParseValueException(PROBLEM + ".");
        }
        return value;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Object value;
        try {
            value = delegate.parseLiteral(input, variables, context, locale);
        } catch (RuntimeException e) {
            throw new CoercingParseLiteralException(PROBLEM + ".");
        }
        if (!storable(value)) {
            throw new CoercingParseLiteralException(PROBLEM + ".");
        }
        return value;
    }

    static boolean storable(Object value) {
        if (value == null) {
            return true;
        }
        Long year = null;
        if (value instanceof Instant i) {
            year = (long) OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC).getYear();
        } else if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof LocalDateTime
                || value instanceof LocalDate) {
            year = ((TemporalAccessor) value).getLong(ChronoField.YEAR);
        } else if (value instanceof java.util.Date d) {
            return storable(d.toInstant());
        }
        return year == null || year >= 1 && year <= 9999;
    }
}
