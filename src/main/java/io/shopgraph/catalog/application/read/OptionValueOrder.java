package io.shopgraph.catalog.application.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One display order for an option's values across products, from each product's own ordered list
 * (one has S, M, L; another M, L; a third only S): a topological merge where every list says "this value
 * comes before the next one". Values no list orders (or orders in a cycle: one product says S before
 * M, another M before S) fall back to {@code tieBreak}.
 */
final class OptionValueOrder {

    private OptionValueOrder() {
    }

    static List<String> merge(Collection<String> values, List<List<String>> lists, Comparator<String> tieBreak) {
        Set<String> wanted = new HashSet<>(values);
        Map<String, Set<String>> after = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        wanted.forEach(v -> incoming.put(v, 0));
        for (List<String> list : lists) {
            String previous = null;
            for (String v : list) {
                if (!wanted.contains(v)) {
                    continue;
                }
                if (previous != null && !previous.equals(v) && after.computeIfAbsent(previous, k -> new HashSet<>()).add(v)) {
                    incoming.merge(v, 1, Integer::sum);
                }
                previous = v;
            }
        }
        List<String> order = new ArrayList<>();
        PriorityQueue<String> ready = new PriorityQueue<>(tieBreak);
        incoming.forEach((v, n) -> {
            if (n == 0) {
                ready.add(v);
            }
        });
        Set<String> placed = new HashSet<>();
        while (order.size() < wanted.size()) {
            if (ready.isEmpty()) {
                // A cycle: take the best remaining value by the tie-break and carry on.
                wanted.stream().filter(v -> !placed.contains(v)).min(tieBreak).ifPresent(ready::add);
            }
            String v = ready.poll();
            if (!placed.add(v)) {
                continue;
            }
            order.add(v);
            for (String next : after.getOrDefault(v, Set.of())) {
                if (!placed.contains(next) && incoming.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }
}
