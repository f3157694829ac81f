package io.shopgraph.catalog.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ProductErrorCode")
@Description("Why a product or collection mutation failed.")
public enum ProductErrorCode {
    @Description("The title is empty or longer than 255 characters.")
    INVALID_TITLE,
    @Description("The handle is not lowercase letters, digits and inner dashes, at most 255 characters.")
    INVALID_HANDLE,
    @Description("Another product or collection of the store already has this handle (for productsImport: or an earlier row of the document).")
    HANDLE_TAKEN,
    @Description("Another variant of the store already has this SKU, or two variants of the input (for productsImport: of the document) share it.")
    SKU_TAKEN,
    @Description("A price is negative, has more decimals than the currency allows, or the compare-at price is below the price.")
    INVALID_PRICE,
    @Description("A product has at most 3 options.")
    TOO_MANY_OPTIONS,
    @Description("An option has no name, no values, or repeats a name or value.")
    INVALID_OPTION,
    @Description("A variant names a value its option does not have, or not exactly one value per option.")
    UNKNOWN_OPTION_VALUE,
    @Description("Two variants have the same option values.")
    DUPLICATE_VARIANT,
    @Description("A product has at least 1 and at most 100 variants.")
    TOO_MANY_VARIANTS,
    @Description("A media item has no URL, a URL that is not http(s), bad dimensions, or names a missing variant; at most 50 per product.")
    INVALID_MEDIA,
    @Description("A value is out of range (e.g. a weight below zero or a tag longer than 255 characters).")
    INVALID_VALUE,
    @Description("No product or collection with this id exists in this store.")
    NOT_FOUND,
    @Description("productsImport: the document is not JSON, or not an object with a `products` array of objects.")
    INVALID_DOCUMENT,
    @Description("productsImport: the document has more than 1,000 products or more than 1,500,000 characters.")
    IMPORT_TOO_LARGE,
    @Description("The variants to delete are all the product's variants; a product keeps at least one.")
    LAST_VARIANT,
    @Description("The media would be more than 50 on the product.")
    TOO_MANY_MEDIA,
    @Description("A metafield's namespace or key is not 1 to 64 letters, digits, '_' or '-', its value is empty or longer "
            + "than 10,000 characters, or two metafields share a namespace and key.")
    INVALID_METAFIELD,
    @Description("The metafields would be more than 50 on the product.")
    TOO_MANY_METAFIELDS,
    @Description("A deposit is PERCENTAGE with basisPoints from 1 to 10000, or FIXED with an amount above zero and not above the "
            + "variant's price (in the currency's decimals); not both.")
    INVALID_DEPOSIT
}
