package io.shopgraph.store.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class StorefrontTokenRepository implements PanacheRepositoryBase<StorefrontToken, UUID> {

    public long countLive() {
        return count("revokedAt is null");
    }

    /** Keyset page by id (ids are time-ordered), {@code limit} rows in the direction of travel. */
    public List<StorefrontToken> page(UUID after, boolean backward, boolean includeRevoked, int limit) {
        String live = includeRevoked ? "" : " and revokedAt is null";
        String query = after == null
                ? "from StorefrontToken where 1 = 1" + live + " order by id " + (backward ? "desc" : "asc")
                : "from StorefrontToken where id " + (backward ? "<" : ">") + " :after" + live + " order by id "
                        + (backward ? "desc" : "asc");
        var find = after == null ? find(query) : find(query, Parameters.with("after", after));
        return find.page(0, limit).list();
    }
}
