package io.shopgraph.orders.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OrderErrorCode")
@Description("Why an order mutation failed. Nothing of a failed mutation is written.")
public enum OrderErrorCode {
    @Description("No order has this id in this store (unknown and another store's are never told apart).")
    ORDER_NOT_FOUND,
    @Description("The order's status does not allow it (e.g. fulfilling an unpaid or cancelled order, cancelling a fulfilled one).")
    INVALID_STATE,
    @Description("The line id names no line of this order, or a line appears twice.")
    LINE_NOT_FOUND,
    @Description("A quantity is below 1 or above what is left to fulfil or refund on the line.")
    INVALID_QUANTITY,
    @Description("The refund amount is not positive, or more than what was paid and not yet refunded.")
    INVALID_AMOUNT,
    @Description("The order has no payment that this operation can use (e.g. orderMarkAsPaid on a Stripe payment).")
    PAYMENT_NOT_APPLICABLE,
    @Description("The payment provider refused or could not be reached; nothing changed.")
    PAYMENT_PROVIDER_ERROR,
    @Description("A text field is too long (note 5,000, reason 500, tracking fields 100 or 2,000 characters).")
    INVALID_INPUT,
    @Description("orderBalanceRequest/orderBalanceWaive: the order has no deposit, its deposit is not paid yet, or its balance is already "
            + "paid, waived or cancelled.")
    NOT_PARTIALLY_PAID,
    @Description("orderBalanceRequest: the balance was already requested with another idempotency key (the order's balanceRequest has "
            + "the link).")
    ALREADY_REQUESTED
}
