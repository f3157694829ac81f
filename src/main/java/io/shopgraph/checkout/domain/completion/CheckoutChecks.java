package io.shopgraph.checkout.domain.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules checkout applies to a cart before placing its order, as plain Java: which lines changed price or
 * can no longer be bought, against the catalog's current state.
 */
public final class CheckoutChecks {

    /** What checkout knows of a line's variant now: its current unit price and whether it may be bought. */
    public record Current(long unitPriceMinor, boolean purchasable) {
    }

    /** One cart line as seen when added: its id, variant and the unit price the shopper saw. */
    public record Line(UUID lineId, UUID variantId, long unitPriceMinor) {
    }

    private CheckoutChecks() {
    }

    /** Lines whose variant is gone or may no longer be bought. */
    public static List<UUID> unavailable(List<Line> lines, Map<UUID, Current> current) {
        List<UUID> result = new ArrayList<>();
        for (Line line : lines) {
            Current now = current.get(line.variantId());
            if (now == null || !now.purchasable()) {
                result.add(line.lineId());
            }
        }
        return result;
    }

    /** Lines whose current price differs from the one the shopper saw. */
    public static List<UUID> priceChanged(List<Line> lines, Map<UUID, Current> current) {
        List<UUID> result = new ArrayList<>();
        for (Line line : lines) {
            Current now = current.get(line.variantId());
            if (now != null && now.purchasable() && now.unitPriceMinor() != line.unitPriceMinor()) {
                result.add(line.lineId());
            }
        }
        return result;
    }

    /** Whether an idempotency key is acceptable: 1 to 255 characters, not blank, no control characters. */
    public static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= 255 && key.chars().noneMatch(Character::isISOControl);
    }
}
