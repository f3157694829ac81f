package io.shopgraph.platform.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StoreAccess.Audience;

/** {@code node} and {@code nodes}: find any object by its global id. */
@GraphQLApi
public class NodeQueries {

    static final int MAX_IDS = 100;

    private final StoreAccess access;
    private final Map<String, NodeSource> sourcesByType = new HashMap<>();

    NodeQueries(StoreAccess access, Instance<NodeSource> sources) {
        this.access = access;
        for (NodeSource source : sources) {
            source.types().forEach(type -> sourcesByType.put(type, source));
        }
    }

    @Query("node")
    @SharedOperation
    @Description("The object with this global id, or null when it does not exist or is not visible to the caller. "
            + "A malformed id is a BAD_REQUEST error.")
    public Node node(@NonNull @Id @Name("id") @Description("A global id, e.g. gid://shopgraph/Shop/<uuid>.") String id) {
        return nodes(List.of(id)).get(0);
    }

    @Query("nodes")
    @SharedOperation
    @NonNull
    @Description("The objects with these global ids, in the same order; null for each id that does not exist or "
            + "is not visible. At most 100 ids.")
    // Typed [String!]! rather than [ID!]!: SmallRye 2.17 applies @Id to the list itself, asks for an ID
    // scalar of type java.util.List, and fails every call with "Unknown Scalar Type".
    public List<Node> nodes(@NonNull @Name("ids") @Description("Global ids, at most 100.") List<@NonNull String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.limitExceeded("At most " + MAX_IDS + " ids per request.");
        }
        List<GlobalId> parsed = ids.stream().map(NodeQueries::parse).toList();
        Audience audience = access.audience();
        Map<String, Set<UUID>> idsByType = new LinkedHashMap<>();
        for (GlobalId id : parsed) {
            idsByType.computeIfAbsent(id.type(), t -> new LinkedHashSet<>()).add(id.id());
        }
        Map<GlobalId, Node> found = new HashMap<>();
        idsByType.forEach((type, typeIds) -> Optional.ofNullable(sourcesByType.get(type))
                .map(source -> source.load(type, typeIds, audience))
                .ifPresent(loaded -> loaded.forEach((uuid, node) -> found.put(new GlobalId(type, uuid), node))));
        List<Node> result = new ArrayList<>(parsed.size());
        parsed.forEach(id -> result.add(found.get(id)));
        return result;
    }

    private static GlobalId parse(String id) {
        return GlobalId.parse(id).orElseThrow(() -> ApiException.badRequest("'" + abbreviate(id) + "' is not a valid global id."));
    }

    private static String abbreviate(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }
}
