package io.shopgraph.checkout.domain.completion;

import java.util.List;
import java.util.UUID;

import io.shopgraph.platform.errors.DomainException;

/** A refused checkout, naming the cart lines at fault (rolls the checkout's transaction back like any DomainException). */
public class CheckoutRejected extends DomainException {

    private final List<UUID> lineIds;

    public CheckoutRejected(CheckoutErrorCode code, List<String> field, String message, List<UUID> lineIds) {
        super(code, field, message);
        this.lineIds = List.copyOf(lineIds);
    }

    public CheckoutRejected(CheckoutErrorCode code, String field, String message) {
        this(code, List.of(field), message, List.of());
    }

    public List<UUID> lineIds() {
        return lineIds;
    }
}
