package io.shopgraph.checkout.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.checkout.application.tax.TaxRates;
import io.shopgraph.checkout.domain.tax.TaxRateErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** Tax rates are store settings: write_settings. */
@GraphQLApi
public class TaxRateMutations {

    private final TaxRates rates;
    private final StoreAccess access;

    TaxRateMutations(TaxRates rates, StoreAccess access) {
        this.rates = rates;
        this.access = access;
    }

    @Mutation("taxRateCreate")
    @MerchantOperation(Scope.WRITE_SETTINGS)
    @NonNull
    @Description("Merchant: adds a tax rate for a country (and optionally one of its regions), or the store's default rate "
            + "(countryCode \"*\"), used where no country rate exists. Rates of one destination add up. Needs the write_settings scope.")
    public TaxRateCreatePayload taxRateCreate(@NonNull @Name("input") @Description("The rate.") TaxRateInput input) {
        access.requireMerchant(Scope.WRITE_SETTINGS);
        return MutationSupport.run(() -> {
            var r = rates.create(input.countryCode(), input.regionCode(), input.title(), input.rate().value());
            return new TaxRateCreatePayload(new TaxRateView(GlobalId.format("TaxRate", r.id()), r.countryCode(), r.regionCode(), r.title(),
                    new Decimal(r.rate())), List.of());
        }, errors -> new TaxRateCreatePayload(null, TaxRateUserError.from(errors)));
    }

    @Input("TaxRateInput")
    @Description("A tax rate.")
    public record TaxRateInput(
            @NonNull @Description("ISO 3166-1 alpha-2 country code, or * for the store's default.") String countryCode,
            @Description("The region (ISO 3166-2 subdivision without the country, e.g. QC); omit for the whole country.") String regionCode,
            @NonNull @Description("The name on receipts, e.g. VAT or GST.") String title,
            @NonNull @Description("The rate as a fraction: 0.2 for 20 %, at most 6 decimals.") Decimal rate) {
    }

    @Type("TaxRate")
    @Description("A tax rate of the store.")
    public record TaxRateView(
            @Id @NonNull @Description("The rate's global id.") String id,
            @NonNull @Description("The country, or * for the store's default.") String countryCode,
            @Description("The region, or null for the whole country.") String regionCode,
            @NonNull @Description("Its name.") String title,
            @NonNull @Description("The rate as a fraction.") Decimal rate) {
    }

    @Name("TaxRateCreatePayload")
    @Description("The result of taxRateCreate.")
    public record TaxRateCreatePayload(
            @Description("The rate; null when it failed.") TaxRateView taxRate,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull TaxRateUserError> userErrors) {
    }

    @Type("TaxRateUserError")
    @Description("Why a tax rate mutation failed.")
    public record TaxRateUserError(
            @NonNull @Description("The path to the input field at fault.") List<@NonNull String> field,
            @NonNull @Description("What went wrong, as a stable code.") TaxRateErrorCode code,
            @NonNull @Description("What went wrong, for people.") String message) {

        static List<TaxRateUserError> from(List<UserErrorDetail> errors) {
            return errors.stream().map(e -> new TaxRateUserError(e.field(), (TaxRateErrorCode) e.code(), e.message())).toList();
        }
    }
}
