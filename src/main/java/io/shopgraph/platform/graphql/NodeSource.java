package io.shopgraph.platform.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.shopgraph.platform.security.StoreAccess.Audience;

/**
 * A module's loader for the node types it owns. {@code node}/{@code nodes} find the source by the
 * type in the global id and ask it for the ids in one batch. A source returns only what the caller's
 * audience may see in the current store; anything else is simply absent, like a missing id.
 */
public interface NodeSource {

    /** The GraphQL type names this source loads. */
    java.util.Set<String> types();

    /** The visible nodes among {@code ids}, keyed by id; the ids are all of type {@code type}. */
    Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience);
}
