package io.shopgraph.checkout.graphql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.application.discount.DiscountCommands;
import io.shopgraph.checkout.application.pricing.CartDiscountCodes;
import io.shopgraph.checkout.application.pricing.CodeGuessThrottle;
import io.shopgraph.checkout.application.discount.DiscountCommands.NewDiscount;
import io.shopgraph.checkout.domain.discount.DiscountErrorCode;
import io.shopgraph.checkout.domain.pricing.DiscountClass;
import io.shopgraph.checkout.domain.pricing.DiscountKind;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.RequestCredentials;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StorefrontOperation;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/** Discounts: merchants create them (write_discounts); shoppers put codes on carts. */
@GraphQLApi
public class DiscountMutations {

    static final String DISCOUNT = "Discount";

    private final DiscountCommands commands;
    private final CartDiscountCodes cartCodes;
    private final StoreAccess access;
    private final StoreApi stores;
    private final TenantContext tenant;
    private final RequestCredentials credentials;

    DiscountMutations(DiscountCommands commands, CartDiscountCodes cartCodes, StoreAccess access, StoreApi stores, TenantContext tenant,
            RequestCredentials credentials) {
        this.commands = commands;
        this.cartCodes = cartCodes;
        this.access = access;
        this.stores = stores;
        this.tenant = tenant;
        this.credentials = credentials;
    }

    @Mutation("discountCreate")
    @MerchantOperation(Scope.WRITE_DISCOUNTS)
    @NonNull
    @Description("Merchant: creates a discount: a code when `code` is given, otherwise an automatic discount. Needs the "
            + "write_discounts scope.")
    public DiscountCreatePayload discountCreate(@NonNull @Name("input") @Description("The discount.") DiscountInput input) {
        access.requireMerchant(Scope.WRITE_DISCOUNTS);
        return MutationSupport.run(() -> new DiscountCreatePayload(DiscountView.of(commands.create(toCommand(input)), currency(), Instant.now()), List.of()),
                errors -> new DiscountCreatePayload(null, DiscountUserError.from(errors)));
    }

    @Mutation("cartDiscountCodesUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: replaces the cart's discount codes (case-insensitive). A new code that does not apply is refused "
            + "with a precise code and the cart stays as it was; codes already on the cart stay even when they stop applying "
            + "(see Cart.discountCodes). An empty list removes every code. Unknown codes are throttled per shopper session and per "
            + "client: past the allowance, a change that brings new codes is refused with THROTTLED and retryAfterSeconds.")
    public CartDiscountCodesUpdatePayload cartDiscountCodesUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("discountCodes") @Description("All of the cart's codes, at most 10.") List<@NonNull String> discountCodes) {
        // The client: the storefront token (or customer token) and the address the request came from, like the request rate limits.
        String client = credentials.customerToken().or(credentials::storefrontToken).orElse("") + "|" + credentials.clientAddress();
        String clientKey = client.length() > 320 ? client.substring(0, 320) : client;
        return MutationSupport.run(() -> {
            try {
                return new CartDiscountCodesUpdatePayload(cartCodes.update(cartId, discountCodes, clientKey), List.of());
            } catch (CodeGuessThrottle.Throttled t) {
                return new CartDiscountCodesUpdatePayload(null, List.of(new DiscountUserError(t.field(), DiscountErrorCode.THROTTLED,
                        t.getMessage(), t.retryAfterSeconds())));
            }
        }, errors -> new CartDiscountCodesUpdatePayload(null, DiscountUserError.from(errors)));
    }

    private NewDiscount toCommand(DiscountInput in) {
        long value = switch (in.kind()) {
            case PERCENTAGE, BUY_X_GET_Y -> basisPoints(in.percentage() == null ? null : in.percentage().value(), in.kind() == DiscountKind.BUY_X_GET_Y);
            case FIXED_AMOUNT -> minor(in.amount());
            case FREE_SHIPPING -> 0;
        };
        Set<DiscountClass> combines = in.combinesWith() == null || in.combinesWith().isEmpty() ? EnumSet.noneOf(DiscountClass.class)
                : EnumSet.copyOf(in.combinesWith());
        return new NewDiscount(in.code(), in.title(), in.kind(), value, Boolean.TRUE.equals(in.eachItem()),
                ids(in.productIds(), "Product", "productIds"), ids(in.variantIds(), "ProductVariant", "variantIds"),
                ids(in.collectionIds(), "Collection", "collectionIds"),
                in.minimumSubtotal() == null ? 0 : minor(in.minimumSubtotal()), in.minimumQuantity() == null ? 0 : in.minimumQuantity(),
                in.buyQuantity() == null ? 0 : in.buyQuantity(), in.getQuantity() == null ? 0 : in.getQuantity(), combines,
                in.startsAt(), in.endsAt(), in.usageLimit(), in.usageLimitPerCustomer());
    }

    /** 12.5 (%) -> 1250 basis points; buy X get Y defaults to 100 % (free). */
    private static long basisPoints(BigDecimal percentage, boolean defaultFree) {
        if (percentage == null) {
            if (defaultFree) {
                return 10_000;
            }
            throw invalid("percentage", "A percentage discount needs a percentage.");
        }
        if (percentage.signum() <= 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0 || percentage.scale() > 2
                && percentage.stripTrailingZeros().scale() > 2) {
            throw invalid("percentage", "A percentage is above 0 and at most 100, with at most two decimals.");
        }
        return percentage.movePointRight(2).longValueExact();
    }

    private String currency() {
        return stores.settings(Set.of(tenant.requireStore())).get(tenant.requireStore()).currencyCode();
    }

    private long minor(Decimal amount) {
        if (amount == null) {
            throw invalid("amount", "A fixed amount discount needs an amount.");
        }
        String currency = currency();
        try {
            long minor = Money.parse(amount.value(), currency).minorUnits();
            if (minor < 0) {
                throw invalid("amount", "Amounts are not negative.");
            }
            return minor;
        } catch (ArithmeticException e) {
            throw invalid("amount", "The amount has more decimals than the store's currency " + currency + ".");
        }
    }

    private static Set<UUID> ids(List<String> ids, String type, String field) {
        if (ids == null) {
            return Set.of();
        }
        if (ids.size() > 250) {
            throw invalid(field, "At most 250 ids.");
        }
        return ids.stream().map(id -> GlobalId.parse(id, type).orElseThrow(() -> invalid(field, "Not a " + type + " id: " + id)))
                .collect(Collectors.toSet());
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(DiscountErrorCode.INVALID_INPUT, List.of("input", field), message);
    }

    @Input("DiscountInput")
    @Description("A discount to create. Targets (productIds, variantIds, collectionIds) all empty: it applies to everything.")
    public record DiscountInput(
            @Description("The code shoppers enter (case-insensitive, 1 to 64 characters); omit for an automatic discount.") String code,
            @NonNull @Description("The name shoppers and merchants see.") String title,
            @NonNull @Description("How the discount computes its amount.") DiscountKind kind,
            @Description("PERCENTAGE and BUY_X_GET_Y: the percentage off, e.g. 12.5 (BUY_X_GET_Y defaults to 100: free).") Decimal percentage,
            @Description("FIXED_AMOUNT: the amount off, in the store's currency.") Decimal amount,
            @Description("FIXED_AMOUNT: take the amount off each eligible unit instead of once across the eligible lines.") Boolean eachItem,
            @Description("Products it applies to.") @DefaultValue("[]") @Id List<@NonNull String> productIds,
            @Description("Variants it applies to.") @DefaultValue("[]") @Id List<@NonNull String> variantIds,
            @Description("Collections it applies to.") @DefaultValue("[]") @Id List<@NonNull String> collectionIds,
            @Description("The eligible lines must reach this subtotal (store currency).") Decimal minimumSubtotal,
            @Description("The eligible lines must reach this many units.") Integer minimumQuantity,
            @Description("BUY_X_GET_Y: X.") Integer buyQuantity,
            @Description("BUY_X_GET_Y: Y.") Integer getQuantity,
            @Description("The classes of discounts this one may be combined with (both must allow it).") @DefaultValue("[]") List<@NonNull DiscountClass> combinesWith,
            @Description("When it starts; default now.") Instant startsAt,
            @Description("When it ends; default never.") Instant endsAt,
            @Description("How many orders may use it in all; default unlimited.") Integer usageLimit,
            @Description("How many orders one customer (or guest email) may use it for; default unlimited.") Integer usageLimitPerCustomer) {
    }

    @Name("DiscountCreatePayload")
    @Description("The result of discountCreate.")
    public record DiscountCreatePayload(
            @Description("The discount; null when it failed.") DiscountView discount,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull DiscountUserError> userErrors) {
    }

    @Name("CartDiscountCodesUpdatePayload")
    @Description("The result of cartDiscountCodesUpdate.")
    public record CartDiscountCodesUpdatePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull DiscountUserError> userErrors) {
    }

    @Type("DiscountUserError")
    @Description("Why a discount mutation failed.")
    public record DiscountUserError(
            @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
            @NonNull @Description("What went wrong, as a stable code.") DiscountErrorCode code,
            @NonNull @Description("What went wrong, for people.") String message,
            @Description("THROTTLED only: the seconds to wait before another attempt; null otherwise.") Integer retryAfterSeconds) {

        static List<DiscountUserError> from(List<UserErrorDetail> errors) {
            return errors.stream().map(e -> new DiscountUserError(e.field(), (DiscountErrorCode) e.code(), e.message(), null)).toList();
        }
    }
}
