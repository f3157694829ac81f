package io.shopgraph.orders.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.customers.api.CustomerView;
import io.shopgraph.customers.api.CustomersApi;
import io.shopgraph.orders.application.OrderReads;
import io.shopgraph.orders.api.OrderViews.OrderEventView;
import io.shopgraph.orders.api.OrderViews.OrderPaymentView;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** Batch fields of Order (payments; timeline and note for merchants) and the customer's own orders. */
@GraphQLApi
public class OrderFields {

    private final PaymentsApi payments;
    private final OrderReads reads;
    private final StoreAccess access;

    OrderFields(PaymentsApi payments, OrderReads reads, StoreAccess access) {
        this.payments = payments;
        this.reads = reads;
        this.access = access;
    }

    @NonNull
    @Description("The order's payments, oldest first.")
    public List<@NonNull List<@NonNull OrderPaymentView>> payments(@Source List<OrderView> orders) {
        Map<UUID, List<PaymentView>> found = payments.byReferences(orders.stream().map(OrderView::uuid).distinct().toList());
        List<List<OrderPaymentView>> result = new ArrayList<>();
        for (OrderView order : orders) {
            result.add(found.getOrDefault(order.uuid(), List.of()).stream().map(p -> new OrderPaymentView(p.provider(), p.status(),
                    money(p.amountMinor(), p.currencyCode()), money(p.capturedMinor(), p.currencyCode()),
                    money(p.refundedMinor(), p.currencyCode()), p.createdAt())).toList());
        }
        return result;
    }

    @Description("Merchant: what happened to the order, oldest first; null for storefronts. Needs read_orders.")
    public List<List<@NonNull OrderEventView>> timeline(@Source List<OrderView> orders) {
        if (!merchant()) {
            return Collections.nCopies(orders.size(), null);
        }
        Map<UUID, List<OrderEventView>> found = reads.timelines(orders.stream().map(OrderView::uuid).distinct().toList());
        return orders.stream().map(o -> found.getOrDefault(o.uuid(), List.of())).toList();
    }

    @Description("Merchant: the merchant's note on the order; null for storefronts. Needs read_orders.")
    public List<String> note(@Source List<OrderView> orders) {
        boolean merchant = merchant();
        return orders.stream().map(o -> merchant ? o.note() : null).toList();
    }

    @NonNull
    @Description("The signed-in customer's orders, newest first.")
    public OrderConnection orders(@Source CustomerView customer,
            @Name("first") @Description("How many to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return orders after this cursor.") String after) {
        return OrderConnection.of(reads.ofCustomer(CustomersApi.idOf(customer), PageRequest.forward(first, after)));
    }

    private boolean merchant() {
        return access.merchant().filter(g -> g.allows(Scope.READ_ORDERS)).isPresent();
    }

    private static MoneyView money(long minor, String currency) {
        return MoneyView.of(Money.of(minor, currency));
    }
}
