package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.errors.UserErrorDetail;

/**
 * Runs one mutation's use case and turns a {@link DomainException} into the payload's user errors.
 * The use case is the transaction boundary, so by the time the exception arrives here its
 * transaction has rolled back and nothing of the failed mutation is left in the database.
 */
public final class MutationSupport {

    private MutationSupport() {
    }

    public static <P> P run(Supplier<P> useCase, Function<List<UserErrorDetail>, P> failed) {
        try {
            return useCase.get();
        } catch (DomainException e) {
            return failed.apply(List.of(UserErrorDetail.from(e)));
        }
    }
}
