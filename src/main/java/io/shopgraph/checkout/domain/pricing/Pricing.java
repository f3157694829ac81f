package io.shopgraph.checkout.domain.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The one pricing function: pure, deterministic, no I/O. The cart's cost, checkout completion and the
 * order's snapshot all call it with the same input and so agree to the cent.
 */
public final class Pricing {

    private Pricing() {
    }

    public static PricedCart price(PricingInput input) {
        List<PricedCart.Line> lines = new ArrayList<>();
        long subtotal = 0;
        for (PricingInput.Line line : input.lines()) {
            long lineSubtotal = Math.multiplyExact(line.unitPriceMinor(), (long) line.quantity());
            subtotal = Math.addExact(subtotal, lineSubtotal);
            lines.add(new PricedCart.Line(line.lineId(), line.quantity(), line.unitPriceMinor(), lineSubtotal, 0, lineSubtotal));
        }
        return new PricedCart(input.currencyCode(), subtotal, 0, 0, 0, subtotal, lines);
    }
}
