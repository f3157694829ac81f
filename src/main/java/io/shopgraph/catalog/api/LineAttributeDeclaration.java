package io.shopgraph.catalog.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * A line attribute a variant asks for when it goes into a cart (the engraving text or the measurements
 * of a bespoke item). The cart validates every line against its variant's declarations.
 */
@Type("LineAttributeDeclaration")
@Description("A key/value attribute a cart line of this variant takes, e.g. the engraving text.")
public record LineAttributeDeclaration(
        @NonNull @Description("The attribute's key, as cart lines send it.") String key,
        @NonNull @Description("What kind of value it takes.") LineAttributeType type,
        @NonNull @Description("Whether every line of this variant must carry it.") boolean required,
        @NonNull @Description("The longest value, in characters.") int maxLength,
        @NonNull @Description("For CHOICE, the values allowed; empty otherwise.") List<@NonNull String> allowedValues) {

    public LineAttributeDeclaration {
        allowedValues = List.copyOf(allowedValues);
    }
}
