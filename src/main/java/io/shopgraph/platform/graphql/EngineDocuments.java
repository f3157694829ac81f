package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.execution.QueryCache;

/**
 * graphql-java's preparsed document cache, backed by {@link ParsedDocuments}: the engine executes the document
 * the request guard parsed, validated once per text ({@link GraphQLSetup} installs it in place of SmallRye's
 * own cache, which parsed every new document again, twice).
 */
final class EngineDocuments implements PreparsedDocumentProvider {

    private final GraphQLSchema schema;
    private volatile ParsedDocuments documents;

    EngineDocuments(GraphQLSchema schema) {
        this.schema = schema;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        ParsedDocuments.Entry entry = documents().parse(input.getQuery());
        Predicate<Class<?>> rules = input.getGraphQLContext().get(ParseAndValidate.INTERNAL_VALIDATION_PREDICATE_HINT);
        if (entry.document() == null || rules != null) {
            // A syntax error (the guard answers those before HTTP requests get here) or a request with its own
            // validation rules: graphql-java's own path, with its own error shape; nothing is shared.
            documents().engineParsed();
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        Locale locale = input.getLocale() != null ? input.getLocale() : Locale.getDefault();
        return CompletableFuture.completedFuture(documents().validated(entry, schema, r -> true, locale));
    }

    private ParsedDocuments documents() {
        ParsedDocuments d = documents;
        if (d == null) {
            d = Arc.container().instance(ParsedDocuments.class).get();
            documents = d;
        }
        return d;
    }

    /**
     * SmallRye's document lookup for its request context (which operation types a request has), answered from
     * {@link ParsedDocuments} too. SmallRye asks its {@link QueryCache} for every request; that cache only
     * learned a document after graphql-java validated it through SmallRye's provider, which this class
     * replaces, so it is swapped as well ({@link GraphQLSetup#shareDocuments}). It never validates: SmallRye
     * only reads the operations.
     */
    static final class SmallRyeDocuments extends QueryCache {

        private volatile ParsedDocuments documents;

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                Function<ExecutionInput, PreparsedDocumentEntry> parse) {
            ParsedDocuments.Entry entry = documents().parse(input.getQuery());
            if (entry.document() == null) {
                documents().engineParsed();
                return CompletableFuture.completedFuture(parse.apply(input));
            }
            return CompletableFuture.completedFuture(new PreparsedDocumentEntry(entry.document()));
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            return SimpleInstrumentationContext.noOp();
        }

        private ParsedDocuments documents() {
            ParsedDocuments d = documents;
            if (d == null) {
                d = Arc.container().instance(ParsedDocuments.class).get();
                documents = d;
            }
            return d;
        }
    }
}
