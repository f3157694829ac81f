package io.shopgraph.catalog.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Money;

/**
 * The validation rules of variants and media, shared by productCreate and the variant and media
 * mutations so that each rule is written once. Each check throws a DomainException with the field path
 * it is given.
 */
public final class CatalogRules {

    private CatalogRules() {
    }

    /** A price in minor units of {@code currency}: zero or more, with no more decimals than the currency has. */
    public static long price(BigDecimal amount, String currency, List<String> field) {
        if (amount == null || amount.signum() < 0) {
            throw error(ProductErrorCode.INVALID_PRICE, field, "A price must be zero or more.");
        }
        try {
            return Money.parse(amount, currency).minorUnits();
        } catch (ArithmeticException e) {
            throw error(ProductErrorCode.INVALID_PRICE, field, "The price has more decimals than " + currency + " allows.");
        }
    }

    public static void requireCompareAtNotBelow(Long compareAtMinor, long priceMinor, List<String> field) {
        if (compareAtMinor != null && compareAtMinor < priceMinor) {
            throw error(ProductErrorCode.INVALID_PRICE, field, "The compare-at price must not be below the price.");
        }
    }

    public static Integer weight(Integer grams, List<String> field) {
        if (grams != null && grams < 0) {
            throw error(ProductErrorCode.INVALID_VALUE, field, "The weight must not be negative.");
        }
        return grams;
    }

    public static Integer initialQuantity(Integer quantity, List<String> field) {
        if (quantity != null && (quantity < 0 || quantity > 1_000_000_000)) {
            throw error(ProductErrorCode.INVALID_VALUE, field, "A quantity is between 0 and 1,000,000,000.");
        }
        return quantity;
    }

    /** The SKU as stored: stripped, null when blank. */
    public static String sku(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** A variant's title, made of its option values. */
    public static String variantTitle(List<String> values) {
        return values.isEmpty() ? "Default" : String.join(" / ", values);
    }

    /** The option values of a variant, stripped, after checking there is one known value per option. */
    public static List<String> optionValues(List<OptionDraft> options, List<String> raw, List<String> variantField) {
        List<String> values = raw == null ? List.of() : raw.stream().map(o -> o == null ? "" : o.strip()).toList();
        List<String> field = append(variantField, "optionValues");
        if (values.size() != options.size()) {
            throw error(ProductErrorCode.UNKNOWN_OPTION_VALUE, field,
                    "A variant needs exactly one value per option (" + options.size() + ").");
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (options.get(i).values().stream().map(String::strip).noneMatch(value::equals)) {
                throw error(ProductErrorCode.UNKNOWN_OPTION_VALUE, field,
                        "The option " + options.get(i).name().strip() + " has no value '" + value + "'.");
            }
        }
        return values;
    }

    /** A stored product's options as drafts, in position order. */
    public static List<OptionDraft> optionDrafts(List<ProductOption> options) {
        List<OptionDraft> drafts = new ArrayList<>();
        options.stream().sorted(java.util.Comparator.comparingInt(o -> o.position))
                .forEach(o -> drafts.add(new OptionDraft(o.name, List.of(o.values))));
        return drafts;
    }

    /** Checks a media item's URL and dimensions. */
    public static String mediaUrl(String raw, Integer width, Integer height, List<String> field) {
        String url = raw == null ? "" : raw.strip();
        if (url.length() > 2048 || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw error(ProductErrorCode.INVALID_MEDIA, append(field, "url"), "A media URL must be an http(s) URL.");
        }
        if ((width != null && width <= 0) || (height != null && height <= 0)) {
            throw error(ProductErrorCode.INVALID_MEDIA, field, "Width and height must be positive.");
        }
        return url;
    }

    /** {@code field} with {@code name} appended: the path of a nested input field. */
    public static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field.size() + 1);
        result.addAll(field);
        result.add(name);
        return result;
    }

    /** A refusal of a product or collection mutation, answered as a userError with this code and field. */
    public static DomainException error(ProductErrorCode code, List<String> field, String message) {
        return new DomainException(code, field, message);
    }

    /** The one answer for a product id that is missing or belongs to another store. */
    public static DomainException productNotFound() {
        return error(ProductErrorCode.NOT_FOUND, List.of("id"), "No product has this id.");
    }
}
