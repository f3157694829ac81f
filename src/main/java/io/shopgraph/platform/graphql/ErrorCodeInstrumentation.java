package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.errors.ErrorCode;

/**
 * Rewrites every error of a response into the one public shape: a message meant for the client and
 * a stable {@code extensions.code}. Only {@link ApiException} messages reach clients verbatim;
 * anything unexpected becomes INTERNAL with a reference the server log also carries, so a response
 * never holds a stack trace, SQL or a class name.
 */
final class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    static final String INTERNAL_MESSAGE = "Internal error";

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(ErrorCodeInstrumentation::rewrite).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    static GraphQLError rewrite(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, unwrap(fetching.getException()));
        }
        if (error instanceof CodedError) {
            return error;
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.ExecutionAborted || error instanceof AbortExecutionException) {
            return build(error, ErrorCode.LIMIT_EXCEEDED, clean(error.getMessage()));
        }
        return build(error, ErrorCode.BAD_REQUEST, clean(error.getMessage()));
    }

    private static final Pattern LIBRARY_CODE = Pattern.compile("SRGQL\\d+:?\\s*");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com|org|io|graphql|smallrye)(?:\\.[A-Za-z_$][\\w$]*)+");
    private static final Pattern AST_VALUE = Pattern.compile("with value '[A-Z]\\w*\\{.*\\}' ");

    /**
     * A library message without what only Java developers of this service should see: SmallRye's message
     * codes, Java class and package names, graphql-java's printout of syntax tree nodes.
     */
    static String clean(String message) {
        if (message == null) {
            return "The request is not valid.";
        }
        String cleaned = LIBRARY_CODE.matcher(message).replaceAll("");
        cleaned = AST_VALUE.matcher(cleaned).replaceAll("");
        cleaned = CLASS_NAME.matcher(cleaned).replaceAll("a value");
        return cleaned;
    }

    private static GraphQLError fromException(GraphQLError error, Throwable exception) {
        if (exception instanceof ApiException api) {
            return build(error, api.code(), api.getMessage());
        }
        if (exception instanceof UnauthorizedException || exception instanceof AuthenticationFailedException) {
            return build(error, ErrorCode.UNAUTHENTICATED, "Authentication is required.");
        }
        if (exception instanceof ForbiddenException) {
            return build(error, ErrorCode.FORBIDDEN, "The caller may not do this.");
        }
        if (exception instanceof jakarta.validation.ConstraintViolationException) {
            return build(error, ErrorCode.BAD_REQUEST, "An argument is not valid.");
        }
        if (isStatementTimeout(exception)) {
            return build(error, ErrorCode.TIMEOUT, "The request ran out of time; its database work was cancelled.");
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(exception, "Unexpected error %s at %s", reference, error.getPath());
        return build(error, ErrorCode.INTERNAL, INTERNAL_MESSAGE + " (reference " + reference + ")");
    }

    /** PostgreSQL's query_canceled (57014): statement_timeout, set from the request's deadline, fired. */
    private static boolean isStatementTimeout(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
            // The deadline passed just as a connection was bound to the store (StoreConnectionInterceptor refuses it):
            // the pool and Hibernate report a failed connection that carries the refusal only as a suppressed exception
            // (seen after a checkout committed and its order was read back under heavy load).
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof ApiException api && api.code() == ErrorCode.TIMEOUT) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current.getClass().getName().endsWith("GraphQLException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        for (Throwable t = current; t != null; t = t.getCause()) {
            if (t instanceof ApiException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return current;
    }

    private static GraphQLError build(GraphQLError original, ErrorCode code, String message) {
        return new CodedError(message, original.getLocations(), original.getPath(), code);
    }
}
