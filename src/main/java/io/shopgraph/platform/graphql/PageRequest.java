package io.shopgraph.platform.graphql;

import java.util.Optional;

import io.shopgraph.platform.errors.ApiException;

/**
 * The validated paging arguments of a connection: forward ({@code first}/{@code after}) or
 * backward ({@code last}/{@code before}), never both, at most {@value #MAX_PAGE_SIZE} items.
 */
public record PageRequest(int size, boolean backward, Optional<String> cursor) {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    public static PageRequest of(Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw ApiException.badRequest("Pass either first or last, not both.");
        }
        if (after != null && before != null) {
            throw ApiException.badRequest("Pass either after or before, not both.");
        }
        if (last != null || before != null) {
            return new PageRequest(checkSize("last", last), true, Optional.ofNullable(before));
        }
        return new PageRequest(checkSize("first", first), false, Optional.ofNullable(after));
    }

    public static PageRequest forward(Integer first, String after) {
        return of(first, after, null, null);
    }

    private static int checkSize(String argument, Integer size) {
        if (size == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (size < 0) {
            throw ApiException.badRequest("'" + argument + "' must not be negative.");
        }
        if (size > MAX_PAGE_SIZE) {
            throw ApiException.limitExceeded("'" + argument + "' must be at most " + MAX_PAGE_SIZE + ".");
        }
        return size;
    }
}
