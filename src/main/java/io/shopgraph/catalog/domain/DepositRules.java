package io.shopgraph.catalog.domain;

import java.util.List;

import io.shopgraph.catalog.api.DepositKind;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.catalog.domain.ProductDraft.DepositDraft;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Money;

/**
 * What a variant's deposit may be. PERCENTAGE is given in basis points (1..10000: whole percents are multiples of
 * 100, and 12.5% is expressible); FIXED is an amount in the store's currency, above zero and not above the
 * variant's price (checkout caps it at the line's total again, since a later discount may lower the line).
 */
public final class DepositRules {

    public static final int MAX_BASIS_POINTS = 10_000;

    private DepositRules() {
    }

    /** The deposit of a draft, validated against the variant's price; null when the draft sets none. */
    public static VariantDeposit deposit(DepositDraft draft, long priceMinor, String currency, List<String> field) {
        if (draft == null) {
            return null;
        }
        if (draft.kind() == null) {
            throw invalid(field, "Give the deposit's kind.");
        }
        if (draft.kind() == DepositKind.PERCENTAGE) {
            if (draft.amount() != null || draft.basisPoints() == null || draft.basisPoints() < 1 || draft.basisPoints() > MAX_BASIS_POINTS) {
                throw invalid(append(field, "basisPoints"), "A PERCENTAGE deposit takes basisPoints from 1 to 10000 (2500 = 25%) and no amount.");
            }
            return new VariantDeposit(DepositKind.PERCENTAGE, draft.basisPoints());
        }
        if (draft.basisPoints() != null || draft.amount() == null || draft.amount().signum() <= 0) {
            throw invalid(append(field, "amount"), "A FIXED deposit takes an amount above zero and no basisPoints.");
        }
        long minor;
        try {
            minor = Money.parse(draft.amount(), currency).minorUnits();
        } catch (ArithmeticException e) {
            throw invalid(append(field, "amount"), "The amount has more decimals than " + currency + " allows.");
        }
        if (minor > priceMinor) {
            throw invalid(append(field, "amount"), "A fixed deposit is not above the variant's price.");
        }
        return new VariantDeposit(DepositKind.FIXED, minor);
    }

    /** A FIXED deposit must stay within the price when the price changes. */
    public static void requireWithinPrice(String kind, Long value, long priceMinor, List<String> field) {
        if (DepositKind.FIXED.name().equals(kind) && value != null && value > priceMinor) {
            throw invalid(field, "The variant's fixed deposit would be above its new price; change or clear the deposit too.");
        }
    }

    /** Writes a deposit (or none) onto the entity. */
    public static void apply(ProductVariant variant, VariantDeposit deposit) {
        variant.depositKind = deposit == null ? null : deposit.kind().name();
        variant.depositValue = deposit == null ? null : deposit.value();
    }

    private static DomainException invalid(List<String> field, String message) {
        return new DomainException(ProductErrorCode.INVALID_DEPOSIT, field, message);
    }

    private static List<String> append(List<String> field, String name) {
        return java.util.stream.Stream.concat(field.stream(), java.util.stream.Stream.of(name)).toList();
    }
}
