package io.shopgraph.platform.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/** Every object that {@code node(id:)} can find. Implemented by view records with an {@code id} component. */
@Interface("Node")
@Description("An object with a globally unique, opaque id (gid://shopgraph/<Type>/<uuid>).")
public interface Node {

    /** The record component that carries the global id. */
    String id();

    // SmallRye maps only getter-named methods of interfaces to fields; records keep their id() accessor.
    @Id
    @NonNull
    @Description("The object's global id.")
    default String getId() {
        return id();
    }
}
