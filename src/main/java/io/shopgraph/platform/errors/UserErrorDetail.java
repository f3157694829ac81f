package io.shopgraph.platform.errors;

import java.util.List;

/** One business error as a use case reports it; mapped to a family's typed GraphQL user error. */
public record UserErrorDetail(Enum<?> code, List<String> field, String message) {

    public static UserErrorDetail from(DomainException e) {
        return new UserErrorDetail(e.code(), e.field(), e.getMessage());
    }
}
