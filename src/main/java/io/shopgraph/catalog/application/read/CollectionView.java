package io.shopgraph.catalog.application.read;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;

@Type("Collection")
@Description("A group of products the merchant puts together, in the merchant's order.")
public record CollectionView(
        @Id @NonNull @Description("The collection's global id.") String id,
        @NonNull @Description("The collection's unique, URL-friendly name in its store.") String handle,
        @NonNull @Description("The collection's name.") String title,
        @NonNull @Description("The collection's description as plain text.") String description,
        @Description("The collection's image, if any.") ImageView image,
        // Not in the schema: the locale the texts were read in (null = base texts), for Collection.products.
        @Ignore String locale) implements Node {

    public static final String TYPE = "Collection";

    public UUID uuid() {
        return GlobalId.parse(id, TYPE).orElseThrow();
    }
}
