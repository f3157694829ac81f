package io.shopgraph.checkout.domain.completion;

import java.util.Map;
import java.util.UUID;

import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.checkout.domain.pricing.PricedCart;

/**
 * How an order is paid: {@code dueNowMinor} at checkout, the balance ({@code totalMinor - dueNowMinor}) when the
 * merchant requests it. Made from the one pricing result, so the two payments always add up to the order's total.
 *
 * <p>The rule: a line whose variant requires a deposit is due now only by its deposit, computed on the line's
 * <em>gross</em> (its total after discounts, plus its tax where prices exclude tax) by
 * {@link VariantDeposit#dueOn}: PERCENTAGE rounds half up to the minor unit, FIXED is the amount per unit times the
 * quantity, both capped at the gross and at least one minor unit. Everything else (other lines, shipping and its
 * tax) is due now in full. The amount due now is the total minus the balances of the deposit lines, so no rounding
 * is lost: due now + balance = total exactly.
 */
public record PaymentPlan(long totalMinor, long dueNowMinor) {

    public PaymentPlan {
        if (dueNowMinor < 0 || dueNowMinor > totalMinor) {
            throw new IllegalArgumentException("due now " + dueNowMinor + " of " + totalMinor);
        }
    }

    /** Whether a balance is left after the payment at checkout. */
    public boolean hasBalance() {
        return dueNowMinor < totalMinor;
    }

    public long balanceMinor() {
        return totalMinor - dueNowMinor;
    }

    /** The plan of a priced cart whose lines' variants require these deposits (by cart line id; lines absent pay in full). */
    public static PaymentPlan of(PricedCart priced, Map<UUID, VariantDeposit> depositsByLine) {
        long balance = 0;
        for (PricedCart.Line line : priced.lines()) {
            VariantDeposit deposit = depositsByLine.get(line.lineId());
            if (deposit == null) {
                continue;
            }
            long gross = priced.taxesIncluded() ? line.totalMinor() : Math.addExact(line.totalMinor(), line.taxMinor());
            balance = Math.addExact(balance, gross - deposit.dueOn(gross, line.quantity()));
        }
        return new PaymentPlan(priced.totalMinor(), priced.totalMinor() - balance);
    }
}
