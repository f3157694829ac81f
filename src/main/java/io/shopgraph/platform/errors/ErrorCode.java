package io.shopgraph.platform.errors;

/** The stable {@code extensions.code} of every top-level GraphQL error. */
public enum ErrorCode {
    /** No valid credential for what was asked (storefront token, customer token or bearer token). */
    UNAUTHENTICATED,
    /** A valid credential that lacks the role or scope the operation declares. */
    FORBIDDEN,
    /**
     * A storefront token restricted to some browser origins, sent from a page on another origin
     * (the request's {@code Origin} header).
     */
    ORIGIN_NOT_ALLOWED,
    /** The object does not exist, or belongs to another store: the two are never told apart. */
    NOT_FOUND,
    /** A malformed request: syntax, unknown fields, wrong argument types, invalid arguments. */
    BAD_REQUEST,
    /** A request over a limit: depth, field count, cost, page size, body size. */
    LIMIT_EXCEEDED,
    /** Over the caller's rate limit (a leaky bucket of query cost): retry after {@code extensions.retryAfterSeconds}. */
    THROTTLED,
    /** The request ran out of its execution deadline; its work and SQL statements were cancelled. */
    TIMEOUT,
    /**
     * An Apollo automatic persisted query whose hash this instance does not know: send it again with its
     * {@code query} (the code and message Apollo clients expect).
     */
    PERSISTED_QUERY_NOT_FOUND,
    /** Anything unexpected. The message never carries internals; the server log has the details. */
    INTERNAL
}
