package io.shopgraph.catalog.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;

import io.shopgraph.catalog.application.read.FacetScope;
import io.shopgraph.catalog.application.read.ProductFacetReads;
import io.shopgraph.catalog.application.read.ProductFacetReads.Counts;

/**
 * The counts one request has computed, so that {@code totalCount} and {@code facets} of the same
 * connections cost one statement together, and the connections of many collections one in all.
 */
@RequestScoped
public class FacetMemo {

    /** The scopes that one statement can count together: all but the collection. */
    private record Group(Object filter, boolean storefront, String locale, boolean collections) {
    }

    private final ProductFacetReads reads;
    private final Map<FacetScope, Counts> known = new ConcurrentHashMap<>();

    FacetMemo(ProductFacetReads reads) {
        this.reads = reads;
    }

    void remember(FacetScope scope, Counts counts) {
        known.put(scope, counts);
    }

    /** The counts of each scope, computing the missing ones in one statement per group. */
    Map<FacetScope, Counts> counts(Collection<FacetScope> scopes) {
        Map<Group, List<FacetScope>> missing = new LinkedHashMap<>();
        for (FacetScope scope : scopes) {
            if (!known.containsKey(scope)) {
                missing.computeIfAbsent(new Group(scope.filter(), scope.storefront(), scope.locale(), scope.collectionId() != null),
                        k -> new ArrayList<>()).add(scope);
            }
        }
        missing.forEach((group, members) -> {
            FacetScope first = members.get(0);
            List<UUID> collections = group.collections()
                    ? members.stream().map(FacetScope::collectionId).filter(Objects::nonNull).distinct().toList() : null;
            Map<UUID, Counts> found = reads.counts(first.filter(), first.storefront(), collections, first.locale());
            for (FacetScope scope : members) {
                known.put(scope, found.getOrDefault(scope.collectionId() == null ? ProductFacetReads.WHOLE : scope.collectionId(),
                        Counts.EMPTY));
            }
        });
        return known;
    }
}
