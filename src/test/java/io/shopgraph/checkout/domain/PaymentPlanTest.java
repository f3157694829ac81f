package io.shopgraph.checkout.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shopgraph.catalog.api.DepositKind;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.checkout.domain.completion.PaymentPlan;
import io.shopgraph.checkout.domain.pricing.PricedCart;

class PaymentPlanTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private static PricedCart.Line line(UUID id, int quantity, long total, long tax) {
        return new PricedCart.Line(id, quantity, total / quantity, total, 0, total, tax, List.of(), List.of());
    }

    /** Two lines, shipping 500 with 100 tax, prices excluding tax. */
    private static PricedCart cart(boolean taxesIncluded, PricedCart.Line... lines) {
        long subtotal = 0;
        long tax = 100;
        for (PricedCart.Line l : lines) {
            subtotal += l.totalMinor();
            tax += l.taxMinor();
        }
        long total = taxesIncluded ? subtotal + 500 : subtotal + 500 + tax;
        return new PricedCart("EUR", subtotal, 0, 500, tax, total, List.of(lines), taxesIncluded, 0, List.of(), List.of(), List.of(), null);
    }

    @Test
    void withoutDepositsEverythingIsDueNow() {
        PricedCart priced = cart(false, line(A, 1, 10_000, 2_000));
        PaymentPlan plan = PaymentPlan.of(priced, Map.of());
        assertEquals(priced.totalMinor(), plan.dueNowMinor());
        assertFalse(plan.hasBalance());
    }

    @Test
    void percentageIsTakenOnTheLineWithItsTaxAndOtherLinesAndShippingAreDueInFull() {
        // A: 100.00 + 20.00 tax, 25% deposit = 30.00; B: 10.00 + 2.00 tax in full; shipping 5.00 + 1.00 tax.
        PricedCart priced = cart(false, line(A, 1, 10_000, 2_000), line(B, 1, 1_000, 200));
        PaymentPlan plan = PaymentPlan.of(priced, Map.of(A, new VariantDeposit(DepositKind.PERCENTAGE, 2_500)));
        assertEquals(13_800, priced.totalMinor());
        assertEquals(3_000 + 1_200 + 600, plan.dueNowMinor());
        assertEquals(9_000, plan.balanceMinor());
    }

    @Test
    void percentageRoundsHalfUpAndTheTwoPaymentsAddUpExactly() {
        // 0.33 * 33.33% (3333 bp) = 10.9989 -> 11; 0.03 * 50% = 1.5 -> 2.
        assertEquals(11, new VariantDeposit(DepositKind.PERCENTAGE, 3_333).dueOn(33, 1));
        assertEquals(2, new VariantDeposit(DepositKind.PERCENTAGE, 5_000).dueOn(3, 1));
        PricedCart priced = cart(true, line(A, 3, 33, 5));
        PaymentPlan plan = PaymentPlan.of(priced, Map.of(A, new VariantDeposit(DepositKind.PERCENTAGE, 3_333)));
        assertEquals(11 + 500, plan.dueNowMinor());
        assertEquals(priced.totalMinor(), plan.dueNowMinor() + plan.balanceMinor());
    }

    @Test
    void aDepositIsAtLeastOneMinorUnitAndNeverMoreThanTheLine() {
        assertEquals(1, new VariantDeposit(DepositKind.PERCENTAGE, 1).dueOn(10, 1));
        assertEquals(0, new VariantDeposit(DepositKind.PERCENTAGE, 1).dueOn(0, 1));
        assertEquals(10, new VariantDeposit(DepositKind.PERCENTAGE, 10_000).dueOn(10, 1));
        // FIXED is per unit, capped at the line (a discount may have lowered it below the deposits).
        assertEquals(3_000, new VariantDeposit(DepositKind.FIXED, 1_000).dueOn(9_000, 3));
        assertEquals(2_500, new VariantDeposit(DepositKind.FIXED, 1_000).dueOn(2_500, 3));
    }

    @Test
    void aFullDepositLeavesNoBalance() {
        PricedCart priced = cart(false, line(A, 1, 10_000, 2_000));
        PaymentPlan plan = PaymentPlan.of(priced, Map.of(A, new VariantDeposit(DepositKind.PERCENTAGE, 10_000)));
        assertFalse(plan.hasBalance());
        PaymentPlan fixed = PaymentPlan.of(priced, Map.of(A, new VariantDeposit(DepositKind.FIXED, 5_000)));
        assertTrue(fixed.hasBalance());
        assertEquals(5_000 + 600, fixed.dueNowMinor());
    }
}
