package io.shopgraph.catalog.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("TranslationErrorCode")
@Description("Why a translation mutation failed.")
public enum TranslationErrorCode {
    @Description("The locale is not a language code optionally with a region (e.g. fr, fr-CA), or it is the store's "
            + "default locale, whose texts are the product's or collection's own fields.")
    INVALID_LOCALE,
    @Description("The same locale appears twice in the input.")
    DUPLICATE_LOCALE,
    @Description("The translated title is blank or longer than 255 characters.")
    INVALID_TITLE,
    @Description("The translated description is longer than 65,535 characters.")
    INVALID_DESCRIPTION,
    @Description("A translation gives neither a title nor a description.")
    EMPTY_TRANSLATION,
    @Description("More than 50 locales in one mutation.")
    TOO_MANY_TRANSLATIONS,
    @Description("No product or collection with this id exists in this store.")
    NOT_FOUND
}
