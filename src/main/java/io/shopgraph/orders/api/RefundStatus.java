package io.shopgraph.orders.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RefundStatus")
@Description("Where a refund stands. Only SUCCEEDED refunds count in the order's totalRefunded.")
public enum RefundStatus {
    @Description("Asked of the payment provider, whose answer has not come yet (it is settled automatically).")
    PENDING,
    @Description("The money went back.")
    SUCCEEDED,
    @Description("The payment provider refused it: nothing was paid back and its lines are refundable again.")
    FAILED
}
