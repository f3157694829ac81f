package io.shopgraph.checkout.graphql;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.checkout.application.completion.CheckoutProgress;
import io.shopgraph.cart.api.CartViews.CartAddressView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.application.shipping.ShippingZones;
import io.shopgraph.checkout.application.shipping.ShippingZones.NewRate;
import io.shopgraph.checkout.domain.shipping.DeliveryErrorCode;
import io.shopgraph.checkout.domain.shipping.ShippingZone;
import io.shopgraph.checkout.domain.tax.TaxRateErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StorefrontOperation;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/** Shipping: merchants define zones and rates (write_settings); shoppers give an address and pick a delivery option. */
@GraphQLApi
public class DeliveryMutations {

    private final CartApi carts;
    private final PricedCartMemo memo;
    private final CheckoutProgress progress;
    private final ShippingZones zones;
    private final StoreAccess access;
    private final StoreApi stores;
    private final TenantContext tenant;

    DeliveryMutations(CartApi carts, PricedCartMemo memo, CheckoutProgress progress, ShippingZones zones, StoreAccess access, StoreApi stores, TenantContext tenant) {
        this.carts = carts;
        this.memo = memo;
        this.progress = progress;
        this.zones = zones;
        this.access = access;
        this.stores = stores;
        this.tenant = tenant;
    }

    @NonNull
    @Description("The delivery options for the cart's address and lines (local pickup needs no address), cheapest first; empty "
            + "when nothing needs shipping.")
    public List<@NonNull List<@NonNull CartDeliveryOptionView>> deliveryOptions(@Source List<CartView> carts) {
        return carts.stream().map(c -> {
            var quote = memo.quote(c);
            return quote.deliveryOptions().stream().map(o -> new CartDeliveryOptionView(o.handle(), o.title(),
                    MoneyView.of(Money.of(o.priceMinor(), c.currencyCode())), o.pickup(), o.minDays(), o.maxDays(),
                    o.handle().equals(c.selectedDeliveryHandle()))).toList();
        }).toList();
    }

    @Mutation("cartShippingAddressUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: sets where the cart ships (null removes the address). The chosen delivery option is cleared: its "
            + "price depended on the old address.")
    public CartDeliveryPayload cartShippingAddressUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @Name("address") @Description("The address; null removes it.") CartAddressInput address) {
        return MutationSupport.run(() -> new CartDeliveryPayload(progress.shippingAddress(cartId, address == null ? null : address.validated())
                .orElseThrow(DeliveryMutations::notFound), List.of()), errors -> new CartDeliveryPayload(null, DeliveryUserError.from(errors)));
    }

    @Mutation("cartSelectedDeliveryOptionUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: chooses one of the cart's deliveryOptions by its handle.")
    public CartDeliveryPayload cartSelectedDeliveryOptionUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("deliveryOptionHandle") @Description("The handle of one of cart.deliveryOptions.") String handle) {
        return MutationSupport.run(() -> {
            CartView cart = carts.cart(cartId).orElseThrow(DeliveryMutations::notFound);
            if (!cart.requiresShipping()) {
                throw new DomainException(DeliveryErrorCode.NO_DELIVERY_NEEDED, List.of("cartId"), "Nothing in this cart needs shipping.");
            }
            if (memo.quote(cart).deliveryOptions().stream().noneMatch(o -> o.handle().equals(handle))) {
                throw new DomainException(DeliveryErrorCode.OPTION_NOT_AVAILABLE, List.of("deliveryOptionHandle"),
                        "The cart has no delivery option with this handle.");
            }
            return new CartDeliveryPayload(progress.deliveryOption(cartId, handle).orElseThrow(DeliveryMutations::notFound), List.of());
        }, errors -> new CartDeliveryPayload(null, DeliveryUserError.from(errors)));
    }

    @Mutation("shippingZoneCreate")
    @MerchantOperation(Scope.WRITE_SETTINGS)
    @NonNull
    @Description("Merchant: creates a shipping zone (countries, optionally only some of their regions) with its rates. Needs the "
            + "write_settings scope.")
    public ShippingZoneCreatePayload shippingZoneCreate(@NonNull @Name("input") @Description("The zone.") ShippingZoneInput input) {
        access.requireMerchant(Scope.WRITE_SETTINGS);
        return MutationSupport.run(() -> {
            String currency = stores.settings(java.util.Set.of(tenant.requireStore())).get(tenant.requireStore()).currencyCode();
            List<NewRate> rates = input.rates().stream().map(r -> new NewRate(r.title(), r.kind(), minor(r.price(), currency, "price"),
                    r.minSubtotal() == null ? null : minor(r.minSubtotal(), currency, "minSubtotal"),
                    r.maxSubtotal() == null ? null : minor(r.maxSubtotal(), currency, "maxSubtotal"),
                    r.freeAbove() == null ? null : minor(r.freeAbove(), currency, "freeAbove"), r.minDays(), r.maxDays(),
                    r.minWeightGrams() == null ? null : r.minWeightGrams().longValue(),
                    r.maxWeightGrams() == null ? null : r.maxWeightGrams().longValue())).toList();
            ShippingZone zone = zones.create(input.name(), input.countries(), input.regions(), Boolean.TRUE.equals(input.taxesShipping()), rates);
            return new ShippingZoneCreatePayload(new ShippingZoneView(GlobalId.format("ShippingZone", zone.id()), zone.name(),
                    List.copyOf(zone.countries()), zone.rates().stream().map(r -> r.id().toString()).toList()), List.of());
        }, errors -> new ShippingZoneCreatePayload(null, ShippingZoneUserError.from(errors)));
    }

    private static long minor(Decimal amount, String currency, String field) {
        try {
            long minor = Money.parse(amount.value(), currency).minorUnits();
            if (minor < 0) {
                throw new ArithmeticException("negative");
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new DomainException(TaxRateErrorCode.INVALID_INPUT, List.of("input", "rates", field),
                    "Amounts are not negative and have at most the decimals of " + currency + ".");
        }
    }

    private static DomainException notFound() {
        return new DomainException(DeliveryErrorCode.CART_NOT_FOUND, List.of("cartId"), "No cart with this id exists.");
    }

    @Input("CartAddressInput")
    @Description("A shipping address.")
    public record CartAddressInput(
            @Description("The recipient.") String name,
            @Description("Street and number.") String address1,
            @Description("The city.") String city,
            @Description("The postal code.") String zip,
            @Description("The region (ISO 3166-2 subdivision without the country, e.g. CA).") String regionCode,
            @NonNull @Description("The country (ISO 3166-1 alpha-2).") String countryCode) {

        CartAddressView validated() {
            String country = countryCode.strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                throw invalid("countryCode", "A country is an ISO 3166-1 alpha-2 code.");
            }
            String region = regionCode == null || regionCode.isBlank() ? null : regionCode.strip().toUpperCase(Locale.ROOT);
            if (region != null && !region.matches("[A-Z0-9]{1,3}")) {
                throw invalid("regionCode", "A region is 1 to 3 letters or digits.");
            }
            return new CartAddressView(text(name, 255, "name"), text(address1, 255, "address1"), text(city, 255, "city"), text(zip, 32, "zip"),
                    region, country);
        }

        private static String text(String value, int max, String field) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip();
            if (v.length() > max || v.chars().anyMatch(c -> c < 32)) {
                throw invalid(field, "At most " + max + " characters, no control characters.");
            }
            return v;
        }

        private static DomainException invalid(String field, String message) {
            return new DomainException(DeliveryErrorCode.INVALID_INPUT, List.of("address", field), message);
        }
    }

    @Type("CartDeliveryOption")
    @Description("A way the cart can be delivered, with its price for this cart.")
    public record CartDeliveryOptionView(
            @NonNull @Description("What cartSelectedDeliveryOptionUpdate takes.") String handle,
            @NonNull @Description("The option's name.") String title,
            @NonNull @Description("Its price for this cart (zero above the rate's free-shipping threshold).") MoneyView estimatedCost,
            @NonNull @Description("Whether this is local pickup.") boolean pickup,
            @Description("The fewest days it takes, when the merchant says.") Integer minDeliveryDays,
            @Description("The most days it takes, when the merchant says.") Integer maxDeliveryDays,
            @NonNull @Description("Whether it is the cart's chosen option.") boolean selected) {
    }

    @Name("CartDeliveryPayload")
    @Description("The result of cartShippingAddressUpdate and cartSelectedDeliveryOptionUpdate.")
    public record CartDeliveryPayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull DeliveryUserError> userErrors) {
    }

    @Type("DeliveryUserError")
    @Description("Why a shipping or delivery mutation failed.")
    public record DeliveryUserError(
            @NonNull @Description("The path to the input field at fault.") List<@NonNull String> field,
            @NonNull @Description("What went wrong, as a stable code.") DeliveryErrorCode code,
            @NonNull @Description("What went wrong, for people.") String message) {

        static List<DeliveryUserError> from(List<UserErrorDetail> errors) {
            return errors.stream().map(e -> new DeliveryUserError(e.field(), (DeliveryErrorCode) e.code(), e.message())).toList();
        }
    }

    @Input("ShippingRateInput")
    @Description("A shipping rate of a zone.")
    public record ShippingRateInput(
            @NonNull @Description("Its name, e.g. Standard.") String title,
            @NonNull @Description("Flat, by subtotal range, by weight range, or local pickup.") ShippingZone.Kind kind,
            @NonNull @Description("Its price, in the store's currency.") Decimal price,
            @Description("SUBTOTAL: the shippable subtotal from which it applies.") Decimal minSubtotal,
            @Description("SUBTOTAL: the shippable subtotal from which it no longer applies.") Decimal maxSubtotal,
            @Description("Free when the shippable subtotal reaches this.") Decimal freeAbove,
            @Description("The fewest delivery days.") Integer minDays,
            @Description("The most delivery days.") Integer maxDays,
            @Description("WEIGHT: the shippable weight in grams from which it applies.") Integer minWeightGrams,
            @Description("WEIGHT: the shippable weight in grams from which it no longer applies.") Integer maxWeightGrams) {
    }

    @Input("ShippingZoneInput")
    @Description("A shipping zone with its rates.")
    public record ShippingZoneInput(
            @NonNull @Description("Its name.") String name,
            @NonNull @Description("The countries it covers (ISO 3166-1 alpha-2).") List<@NonNull String> countries,
            @DefaultValue("[]") @Description("Only these regions of them (ISO 3166-2, e.g. US-CA); empty: the whole countries.") List<@NonNull String> regions,
            @Description("Whether shipping is taxed in this zone.") Boolean taxesShipping,
            @NonNull @Description("Its rates, 1 to 50.") List<@NonNull ShippingRateInput> rates) {
    }

    @Type("ShippingZone")
    @Description("A shipping zone.")
    public record ShippingZoneView(
            @Id @NonNull @Description("The zone's global id.") String id,
            @NonNull @Description("Its name.") String name,
            @NonNull @Description("Its countries.") List<@NonNull String> countries,
            @NonNull @Description("Its rates' handles (as delivery options name them).") List<@NonNull String> rateHandles) {
    }

    @Name("ShippingZoneCreatePayload")
    @Description("The result of shippingZoneCreate.")
    public record ShippingZoneCreatePayload(
            @Description("The zone; null when it failed.") ShippingZoneView shippingZone,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ShippingZoneUserError> userErrors) {
    }

    @Type("ShippingZoneUserError")
    @Description("Why a shipping zone mutation failed.")
    public record ShippingZoneUserError(
            @NonNull @Description("The path to the input field at fault.") List<@NonNull String> field,
            @NonNull @Description("What went wrong, as a stable code.") TaxRateErrorCode code,
            @NonNull @Description("What went wrong, for people.") String message) {

        static List<ShippingZoneUserError> from(List<UserErrorDetail> errors) {
            return errors.stream().map(e -> new ShippingZoneUserError(e.field(), (TaxRateErrorCode) e.code(), e.message())).toList();
        }
    }
}
