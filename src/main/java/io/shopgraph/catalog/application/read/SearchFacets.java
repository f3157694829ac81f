package io.shopgraph.catalog.application.read;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.platform.graphql.MoneyView;

/** Facet counts of a search: how many of the matching products have each value (see docs/catalog.md). */
@Type("SearchFacets")
@Description("Facet counts of a product list (products, collection.products, search). Counts are disjunctive: each group "
        + "(kinds, tags, vendors, availability, price ranges, each option) is counted with the query, the collection and every "
        + "other group's filter applied, but not its own, so a sidebar can offer several values of one group at once (two "
        + "vendors: either). Only values with at least one product are listed.")
public record SearchFacets(
        @NonNull @Description("Product kinds, most frequent first.") List<@NonNull KindCount> kinds,
        @NonNull @Description("Tags, most frequent first (at most 50).") List<@NonNull ValueCount> tags,
        @NonNull @Description("Vendors, most frequent first (at most 50); products without a vendor are not counted.") List<@NonNull ValueCount> vendors,
        @NonNull @Description("How many matching products can and cannot be bought now.") AvailabilityCount availability,
        @NonNull @Description("Fixed price ranges in the store's currency, cheapest first. A product counts in every range "
                + "its variant prices overlap, exactly as the filter {minPrice, maxPrice} of the range would find it.") List<@NonNull PriceRangeCount> priceRanges,
        @NonNull @Description("Every product option (e.g. Size, Colour) with the values the products' variants have, options and "
                + "values in the merchant's display order; filter with ProductFilter.variantOptions.") List<@NonNull OptionCount> options) {

    public static final SearchFacets EMPTY = new SearchFacets(List.of(), List.of(), List.of(), new AvailabilityCount(0, 0), List.of(),
            List.of());

    @Type("OptionCount")
    @Description("A product option and how many products have a variant with each of its values.")
    public record OptionCount(
            @NonNull @Description("The option's name, as the filter's variantOptions takes it.") String name,
            @NonNull @Description("Its values in display order (at most 100).") List<@NonNull ValueCount> values) {
    }

    @Type("ValueCount")
    @Description("A facet value and how many matching products have it.")
    public record ValueCount(
            @NonNull @Description("The value, as the filter takes it.") String value,
            @Description("How many matching products have it.") int count) {
    }

    @Type("KindCount")
    @Description("A product kind and how many matching products are of it.")
    public record KindCount(
            @NonNull @Description("The kind.") ProductKind value,
            @Description("How many matching products are of this kind.") int count) {
    }

    @Type("AvailabilityCount")
    @Description("How many matching products can and cannot be bought now.")
    public record AvailabilityCount(
            @Description("Matching products that can be bought now (filter available: true).") int available,
            @Description("Matching products that cannot be bought now (filter available: false).") int unavailable) {
    }

    @Type("PriceRangeCount")
    @Description("A price range and how many matching products have a variant in it.")
    public record PriceRangeCount(
            @NonNull @Description("The lowest price of the range (pass it as the filter's minPrice).") MoneyView minPrice,
            @Description("The highest price of the range (pass it as the filter's maxPrice); null for the open-ended last range.") MoneyView maxPrice,
            @Description("How many matching products have a variant priced within the range.") int count) {
    }
}
