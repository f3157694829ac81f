package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.catalog.domain.MetafieldDraft;

@Input("MetafieldInput")
@Description("A merchant's key/value pair to set on a product.")
public record MetafieldInput(
        @Description("1 to 64 letters, digits, '_' or '-'; \"custom\" when left out.") String namespace,
        @NonNull @Description("1 to 64 letters, digits, '_' or '-', unique in its namespace on the product.") String key,
        @NonNull @Description("The value, 1 to 10,000 characters.") String value,
        @Description("Whether storefronts may read it; false (merchants only) when left out.") Boolean storefrontVisible) {

    /** The drafts of a metafields input list; null stays null ("leave the metafields as they are"). */
    static List<MetafieldDraft> toDrafts(List<MetafieldInput> inputs) {
        return inputs == null ? null : inputs.stream().filter(Objects::nonNull)
                .map(m -> new MetafieldDraft(m.namespace(), m.key(), m.value(), m.storefrontVisible())).toList();
    }
}
