package io.shopgraph.platform.graphql;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.language.Value;
import graphql.schema.Coercing;

/**
 * A scalar's coercing that checks inputs before (or after) SmallRye's own and leaves output alone: the
 * bounded Int and date scalars extend it and override only the two parse methods.
 */
abstract class DelegatingCoercing implements Coercing<Object, Object> {

    protected final Coercing<Object, Object> delegate;

    @SuppressWarnings("unchecked")
    DelegatingCoercing(Coercing<?, ?> delegate) {
        this.delegate = (Coercing<Object, Object>) delegate;
    }

    @Override
    public Object serialize(Object output, GraphQLContext context, Locale locale) {
        return delegate.serialize(output, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return delegate.valueToLiteral(input, context, locale);
    }
}
