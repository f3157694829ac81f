package io.shopgraph.platform.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.security.StoreAccess.Audience;

/**
 * Test-only node source that fails the way a bug would, with SQL and a class name in its message.
 * It adds no type to the schema: only {@code node(id:)} reaches it.
 */
@ApplicationScoped
public class ExplodingNodeSource implements NodeSource {

    static final String TYPE = "Exploding";
    static final String SECRET = "select password_hash from store.secret";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        throw new IllegalStateException("org.postgresql.util.PSQLException: " + SECRET);
    }
}
