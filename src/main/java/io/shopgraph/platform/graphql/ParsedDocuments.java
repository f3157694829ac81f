package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.platform.errors.ErrorCode;
import io.smallrye.graphql.execution.ExecutionService;

/**
 * One parsed (and, once executed, validated) document per document text, shared by everything that reads a
 * GraphQL document: the request guard (syntax and parser limits), the limits route (cost, forbidden literals),
 * the storefront cache route (what may be cached), SmallRye's operation-type lookup and graphql-java's
 * preparsed document cache ({@link EngineDocuments}). Before, each of them parsed a new document on its own
 * (five parses and a validation) and kept its own unbounded-then-cleared map.
 * <p>
 * Bounded ({@link #MAX_DOCUMENTS}, least recently used first): a client that sends endless distinct documents
 * evicts old entries instead of clearing every map at once. Concurrent first requests of one text wait for a
 * single parse. Syntax errors are remembered like documents, so a repeated bad document is not parsed again.
 * Only this class calls graphql-java's {@link Parser} ({@code ArchitectureTest}).
 */
@ApplicationScoped
public class ParsedDocuments {

    static final int MAX_DOCUMENTS = 4096;

    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();
    private final LongAdder parses = new LongAdder();
    private final LongAdder validations = new LongAdder();
    private final LongAdder engineParses = new LongAdder();

    /** A document text's parse: the document, or the error a request with it answers. */
    public static final class Entry {
        private final Document document;
        private final ErrorCode errorCode;
        private final String error;
        private volatile PreparsedDocumentEntry validated;
        /** Facts other routes derive from the document once (cache kind, forbidden literals), by key. */
        private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>(4);

        private Entry(Document document, ErrorCode errorCode, String error) {
            this.document = document;
            this.errorCode = errorCode;
            this.error = error;
        }

        /** The parsed document; null when the text is not valid GraphQL or over the parser's limits. */
        public Document document() {
            return document;
        }

        public ErrorCode errorCode() {
            return errorCode;
        }

        public String error() {
            return error;
        }

        /** What {@code derive} computes from this document, computed once per entry and key. */
        @SuppressWarnings("unchecked")
        public <T> T derived(String key, Function<Document, T> derive) {
            Object value = derived.get(key);
            if (value == null) {
                value = derived.computeIfAbsent(key, k -> derive.apply(document));
            }
            return (T) value;
        }
    }

    /**
     * SmallRye's per-request document lookup reads these entries too (see {@link GraphQLSetup#shareDocuments}); its
     * per-request data loaders are made on demand from now on ({@link BatchLoaders}).
     */
    void share(@Observes StartupEvent event) {
        InstanceHandle<ExecutionService> service = Arc.container().instance(ExecutionService.class);
        if (service.isAvailable()) {
            GraphQLSetup.shareDocuments(ClientProxy.unwrap(service.get()));
            BatchLoaders.install(ClientProxy.unwrap(service.get()));
        }
    }

    /** The entry of a text parsed before, or null (does not parse: safe on the event loop). */
    public Entry cached(String text) {
        return entries.getIfPresent(text);
    }

    /** The entry of a text, parsing it once if it is new. Blocking: call it off the event loop for new texts. */
    public Entry parse(String text) {
        return entries.get(text, this::parseNow);
    }

    private Entry parseNow(String text) {
        parses.increment();
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions();
        if (text.length() > options.getMaxCharacters()) {
            // Checked here: graphql-java reports this limit as a syntax error, not as a cancelled parse.
            return tooLarge(options);
        }
        try {
            return new Entry(Parser.parse(ParserEnvironment.newParserEnvironment().document(text).parserOptions(options).build()),
                    null, null);
        } catch (ParseCancelledException e) {
            return tooLarge(options);
        } catch (InvalidSyntaxException e) {
            return new Entry(null, ErrorCode.BAD_REQUEST, "The document is not valid GraphQL: " + e.getMessage());
        }
    }

    private static Entry tooLarge(ParserOptions options) {
        return new Entry(null, ErrorCode.LIMIT_EXCEEDED, "The document is too large: at most " + options.getMaxTokens()
                + " tokens and " + options.getMaxCharacters() + " characters.");
    }

    /**
     * The validated document graphql-java executes, validated once per text against the executing schema.
     * Validation depends only on the document and the schema (variables are coerced later, per request); its
     * messages take the locale of the first request, as SmallRye's own document cache did.
     */
    PreparsedDocumentEntry validated(Entry entry, GraphQLSchema schema, Predicate<Class<?>> rules, Locale locale) {
        PreparsedDocumentEntry v = entry.validated;
        if (v != null) {
            return v;
        }
        synchronized (entry) {
            v = entry.validated;
            if (v == null) {
                validations.increment();
                List<ValidationError> errors = ParseAndValidate.validate(schema, entry.document, rules, locale);
                v = errors.isEmpty() ? new PreparsedDocumentEntry(entry.document) : new PreparsedDocumentEntry(entry.document, errors);
                entry.validated = v;
            }
            return v;
        }
    }

    /** Parses run since startup (tests compare before and after a request; never timing). */
    public long parses() {
        return parses.sum();
    }

    /** Documents graphql-java or SmallRye had to parse themselves (syntax errors, own validation rules). */
    public long engineParses() {
        return engineParses.sum();
    }

    void engineParsed() {
        engineParses.increment();
    }

    /** Validations run since startup. */
    public long validations() {
        return validations.sum();
    }
}
