package io.shopgraph.payments.domain;

import java.util.List;

import io.shopgraph.payments.api.PaymentErrorCode;
import io.shopgraph.platform.errors.DomainException;

/** A refused payment operation whose API method returns no outcome record (start): a typed code, no internals. */
public class PaymentException extends DomainException {

    public PaymentException(PaymentErrorCode code, String message) {
        super(code, List.of(), message);
    }

    public PaymentErrorCode paymentCode() {
        return (PaymentErrorCode) code();
    }
}
