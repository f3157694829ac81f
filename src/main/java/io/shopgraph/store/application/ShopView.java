package io.shopgraph.store.application;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.store.domain.Store;

@Type("Shop")
@Description("A store: the seller whose catalogue, carts and orders the current token gives access to.")
public record ShopView(
        @Id @NonNull @Description("The store's global id; merchants send it in X-Store-Id.") String id,
        @NonNull @Description("The store's display name.") String name,
        @NonNull @Description("The store's unique handle, lowercase letters, digits and hyphens.") String handle,
        @NonNull @Description("The ISO 4217 code of the currency prices are set in.") String currencyCode,
        @NonNull @Description("The ISO 3166-1 alpha-2 code of the country the store sells from.") String countryCode,
        @NonNull @Description("Whether prices include tax (true in most of Europe) or tax is added at checkout.") boolean pricesIncludeTax,
        @NonNull @Description("The store's IANA time zone, e.g. Europe/Paris.") String timezone,
        @NonNull @Description("The locale the store's catalogue is written in (e.g. en or fr-CA); catalog reads without a "
                + "`locale` argument, or without a translation for it, return texts in this locale.") String defaultLocale,
        @NonNull @Description("The locales the storefront offers, the default one first; catalog reads take any of them "
                + "as their `locale` argument.") List<@NonNull String> locales,
        @Description("The address customers may write to; null when not set.") String contactEmail,
        @NonNull @Description("The store's policies, as plain text.") ShopPolicies policies)
        implements Node {

    public static final String TYPE = "Shop";

    static ShopView of(Store store) {
        return new ShopView(GlobalId.format(TYPE, store.id), store.name, store.handle, store.currencyCode,
                store.countryCode, store.pricesIncludeTax, store.timezone, store.defaultLocale, store.locales(),
                store.contactEmail, new ShopPolicies(store.refundPolicy, store.privacyPolicy, store.shippingPolicy,
                        store.termsOfService));
    }

    @Type("ShopPolicies")
    @Description("The policies a store shows its customers, as plain text (empty when not written).")
    public record ShopPolicies(
            @NonNull @Description("Refunds and returns.") String refund,
            @NonNull @Description("Privacy: what the store does with personal data.") String privacy,
            @NonNull @Description("Shipping: where, how and how fast.") String shipping,
            @NonNull @Description("Terms of service.") String termsOfService) {
    }
}
