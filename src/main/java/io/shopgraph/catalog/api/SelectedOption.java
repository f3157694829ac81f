package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SelectedOption")
@Description("One option value of a variant, e.g. Size: M.")
public record SelectedOption(
        @NonNull @Description("The option's name, e.g. Size.") String name,
        @NonNull @Description("The variant's value for it, e.g. M.") String value) {
}
