package io.shopgraph.platform.errors;

import java.util.List;
import java.util.Objects;

/**
 * An expected business failure of a mutation: thrown by a use case, it rolls the use case's
 * transaction back and is turned into the payload's {@code userErrors} by the resolver.
 * {@code code} is a value of the mutation family's own error-code enum.
 */
public class DomainException extends RuntimeException {

    private final Enum<?> code;
    private final List<String> field;

    public DomainException(Enum<?> code, List<String> field, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field == null ? List.of() : List.copyOf(field);
    }

    public DomainException(Enum<?> code, String message) {
        this(code, List.of(), message);
    }

    public Enum<?> code() {
        return code;
    }

    public List<String> field() {
        return field;
    }
}
