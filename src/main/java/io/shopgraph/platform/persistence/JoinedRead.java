package io.shopgraph.platform.persistence;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A read one module offers to ride on another module's statement as a {@code left join lateral}: the owner keeps its
 * SQL, its columns' order and its row mapper; the caller puts {@link #columns()} at the end of its select list and
 * {@link #join()} after its own joins, then hands each of its rows to {@link #map(Object[], int)} with the position where
 * these columns start.
 * <p>
 * Why: on the cart's add-and-read pair each statement cost PostgreSQL and the service about as much in fixed work (a
 * round trip, a snapshot, executor start-up, locks) as in rows, and the catalog's reads of a cart's variants are one
 * or a few rows. Asked in the cart's own statement they cost a join, not a statement (docs/performance.md).
 * <p>
 * The lateral subquery must select its rows' key first and never null: a row whose first column is null is the left
 * join's "nothing matched" and maps to {@code null}. Its parameter names are shared with the caller's statement:
 * {@link #params(Map)} refuses one name with two values.
 *
 * @param columns the select list the caller appends ({@code alias.*} style, qualified by the join's alias)
 * @param width how many columns {@code columns} selects
 * @param join the {@code left join lateral (...) alias on true} text
 * @param params the subquery's named parameters
 * @param mapper one row's columns (sliced to this read's own, key first) to the owner's value
 */
public record JoinedRead<T>(String columns, int width, String join, Map<String, ?> params, Function<Object[], T> mapper) {

    public JoinedRead {
        if (width < 1) {
            throw new IllegalArgumentException("A joined read selects at least its key");
        }
        params = Collections.unmodifiableMap(new HashMap<>(params));
    }

    /**
     * A joined read of {@code select} (a whole {@code select ... from ... where ...} whose first column is its rows' key)
     * under {@code alias}: its {@code width} columns are renamed {@code alias_1} to {@code alias_n}, so they never clash
     * with the caller's names (an unqualified {@code id} of the caller would otherwise become ambiguous).
     */
    public static <T> JoinedRead<T> of(String alias, String select, int width, Map<String, ?> params, Function<Object[], T> mapper) {
        StringBuilder names = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= width; i++) {
            String name = alias + "_" + i;
            names.append(i > 1 ? ", " : "").append(name);
            columns.append(i > 1 ? ", " : "").append(alias).append('.').append(name);
        }
        return new JoinedRead<>(columns.toString(), width, "left join lateral (" + select + ") " + alias + "(" + names + ") on true ",
                params, mapper);
    }

    /** The value this read found in {@code row} (its columns starting at {@code from}); null when the join matched nothing. */
    public T map(Object[] row, int from) {
        if (row[from] == null) {
            return null;
        }
        return mapper.apply(Arrays.copyOfRange(row, from, from + width));
    }

    /** The caller's parameters with this read's added; one name with two values is a programming error. */
    public Map<String, Object> params(Map<String, ?> callers) {
        Map<String, Object> all = new HashMap<>(callers);
        UnionRead.mergeParams(all, params);
        return all;
    }
}
