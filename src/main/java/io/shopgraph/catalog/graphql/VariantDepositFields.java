package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.DepositKind;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.catalog.application.read.VariantDeposits;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.Money;

/** ProductVariant.deposit: the shopper must know what is due at checkout, the merchant what they set. */
@GraphQLApi
public class VariantDepositFields {

    private final VariantDeposits deposits;

    VariantDepositFields(VariantDeposits deposits) {
        this.deposits = deposits;
    }

    @Type("VariantDeposit")
    @Description("The deposit a variant requires: checkout charges it now, and the balance is paid later through the merchant's "
            + "payment link.")
    public record VariantDepositView(
            @NonNull @Description("How it is computed.") DepositKind kind,
            @Description("PERCENTAGE: the share of the line's total after discounts, with its tax, in basis points (2500 = 25%).") Integer basisPoints,
            @Description("FIXED: the amount per unit (capped at the line's total).") MoneyView amount,
            @NonNull @Description("What one unit at its current price requires now (before discounts, with no tax added).") MoneyView amountPerUnit) {
    }

    @Description("The deposit checkout charges for this variant (the balance is requested later); null when it is paid in full at checkout.")
    public List<VariantDepositView> deposit(@Source List<ProductVariantView> variants) {
        Map<UUID, VariantDeposit> found = deposits.byVariants(variants.stream().map(ProductVariantView::uuid).distinct().toList());
        return variants.stream().map(v -> view(found.get(v.uuid()), v)).toList();
    }

    private static VariantDepositView view(VariantDeposit deposit, ProductVariantView variant) {
        if (deposit == null) {
            return null;
        }
        String currency = variant.price().currencyCode();
        long price = Money.parse(variant.price().amount().value(), currency).minorUnits();
        long perUnit = deposit.dueOn(price, 1);
        return deposit.kind() == DepositKind.PERCENTAGE
                ? new VariantDepositView(deposit.kind(), (int) deposit.value(), null, MoneyView.of(Money.of(perUnit, currency)))
                : new VariantDepositView(deposit.kind(), null, MoneyView.of(Money.of(deposit.value(), currency)), MoneyView.of(Money.of(perUnit, currency)));
    }
}
