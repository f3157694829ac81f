package io.shopgraph.catalog.application.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CollectionTranslation")
@Description("A collection's texts in one locale other than the store's default one (merchants only).")
public record CollectionTranslationView(
        @NonNull @Description("The locale, e.g. fr or fr-CA.") String locale,
        @Description("The translated title; null when not translated (readers fall back).") String title,
        @Description("The translated description as plain text; null when not translated.") String description) {
}
