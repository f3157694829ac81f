package io.shopgraph.platform.errors;

/**
 * A failure that reaches the client as a top-level GraphQL error with a stable code and a message
 * written for the client. Everything that is not an ApiException is reported as INTERNAL with a
 * generic message.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException originNotAllowed(String message) {
        return new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }

    public static ApiException limitExceeded(String message) {
        return new ApiException(ErrorCode.LIMIT_EXCEEDED, message);
    }
}
