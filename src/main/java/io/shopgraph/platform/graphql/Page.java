package io.shopgraph.platform.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a keyset-paginated list. Read services fetch {@code size + 1} rows in the direction
 * of travel; {@link #of} trims the probe row and restores display order for backward pages.
 */
public record Page<T>(List<T> items, boolean hasNextPage, boolean hasPreviousPage) {

    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.size();
        List<T> items = new ArrayList<>(more ? fetched.subList(0, request.size()) : fetched);
        boolean cursorGiven = request.cursor().isPresent();
        if (request.backward()) {
            Collections.reverse(items);
            return new Page<>(List.copyOf(items), cursorGiven, more);
        }
        return new Page<>(List.copyOf(items), more, cursorGiven);
    }
}
