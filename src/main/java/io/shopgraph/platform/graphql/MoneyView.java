package io.shopgraph.platform.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.kernel.Money;

/** Money as the API shows it. */
@Type("Money")
@Description("An amount of money in a currency.")
public record MoneyView(
        @NonNull @Description("The amount, as an exact decimal string with the currency's usual number of fraction digits, e.g. \"12.50\".") Decimal amount,
        @NonNull @Description("The ISO 4217 currency code, e.g. EUR.") String currencyCode) {

    public static MoneyView of(Money money) {
        return money == null ? null : new MoneyView(new Decimal(money.amount()), money.currencyCode());
    }
}
