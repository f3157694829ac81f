package io.shopgraph.platform.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.security.StoreAccess.Audience;

/** Test-only node source whose SQL statement runs far longer than any request deadline. */
@ApplicationScoped
public class SleepingNodeSource implements NodeSource {

    static final String TYPE = "Sleeping";

    private final EntityManager em;

    SleepingNodeSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    @Transactional
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        em.createNativeQuery("select pg_sleep(60)").getResultList();
        return Map.of();
    }
}
