package io.shopgraph.checkout.graphql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.checkout.domain.discount.DiscountStatus;
import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.checkout.domain.pricing.DiscountClass;
import io.shopgraph.checkout.domain.pricing.DiscountKind;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;

/** A discount as merchants read it: its rules, its dates, its status now and how often it has been used. */
@Type("Discount")
@Description("A discount of the store: a code or an automatic discount, with its rules, status and usage.")
public record DiscountView(
        @Id @NonNull @Description("The discount's global id.") String id,
        @Description("The code; null for an automatic discount.") String code,
        @NonNull @Description("Its title.") String title,
        @NonNull @Description("Whether it can be used now.") DiscountStatus status,
        @NonNull @Description("How it computes its amount.") DiscountKind kind,
        @NonNull @Description("What it reduces: products, the order or shipping.") DiscountClass discountClass,
        @Description("PERCENTAGE and BUY_X_GET_Y: the percentage off, e.g. 12.5; null otherwise.") Decimal percentage,
        @Description("FIXED_AMOUNT: the amount off; null otherwise.") MoneyView amount,
        @NonNull @Description("FIXED_AMOUNT: whether the amount comes off each eligible unit (else once across the eligible lines).") boolean eachItem,
        @Description("BUY_X_GET_Y: X; null otherwise.") Integer buyQuantity,
        @Name("getQuantity") @Description("BUY_X_GET_Y: Y; null otherwise.") Integer getQuantity,
        @Description("The subtotal the eligible lines must reach; null: none.") MoneyView minimumSubtotal,
        @Description("The units the eligible lines must reach; null: none.") Integer minimumQuantity,
        @NonNull @Description("Whether it applies to every line (no product, variant or collection targets).") boolean appliesToEverything,
        @NonNull @Description("The products it applies to.") @Id List<@NonNull String> productIds,
        @NonNull @Description("The variants it applies to.") @Id List<@NonNull String> variantIds,
        @NonNull @Description("The collections it applies to.") @Id List<@NonNull String> collectionIds,
        @NonNull @Description("The classes it may be combined with.") List<@NonNull DiscountClass> combinesWith,
        @NonNull @Description("When it starts.") Instant startsAt,
        @Description("When it ends; null: never.") Instant endsAt,
        @Description("Its usage limit in all; null: none.") Integer usageLimit,
        @Description("Its usage limit per customer; null: none.") Integer usageLimitPerCustomer,
        @NonNull @Description("How many orders have used it.") int usedCount,
        @NonNull @Description("When it was created.") Instant createdAt) implements Node {

    static final String TYPE = "Discount";

    /** {@code currency}: the store's, in which fixed amounts and minimums are kept. */
    static DiscountView of(StoredDiscount s, String currency, Instant now) {
        var d = s.discount();
        boolean percent = d.kind() == DiscountKind.PERCENTAGE || d.kind() == DiscountKind.BUY_X_GET_Y;
        boolean bxgy = d.kind() == DiscountKind.BUY_X_GET_Y;
        return new DiscountView(GlobalId.format(TYPE, d.id()), d.code(), d.title(), s.statusAt(now), d.kind(), d.discountClass(),
                percent ? new Decimal(percentage(d.value())) : null,
                d.kind() == DiscountKind.FIXED_AMOUNT ? MoneyView.of(Money.of(d.value(), currency)) : null, d.eachItem(),
                bxgy ? d.buyQuantity() : null, bxgy ? d.getQuantity() : null,
                d.minimumSubtotalMinor() > 0 ? MoneyView.of(Money.of(d.minimumSubtotalMinor(), currency)) : null,
                d.minimumQuantity() > 0 ? d.minimumQuantity() : null, d.targetsEverything(), gids("Product", d.productIds()),
                gids("ProductVariant", d.variantIds()), gids("Collection", d.collectionIds()),
                d.combinesWith().stream().sorted().toList(), s.startsAt(), s.endsAt(), s.usageLimit(), s.perCustomerLimit(), s.usedCount(),
                s.createdAt());
    }

    /** 1250 basis points -> 12.5, 1000 -> 10 (no exponent). */
    static BigDecimal percentage(long basisPoints) {
        BigDecimal p = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    private static List<String> gids(String type, Collection<UUID> ids) {
        return ids.stream().sorted().map(id -> GlobalId.format(type, id)).toList();
    }
}
