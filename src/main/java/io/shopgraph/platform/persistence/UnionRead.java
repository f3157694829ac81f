package io.shopgraph.platform.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Independent reads of one transaction as one statement. Each part keeps its own columns: the statement is a
 * {@code union all} in which a part's rows fill that part's columns and leave the other parts' null, tagged with the
 * part's number and each row's place in the part's order. {@link #run} hands every part its rows sliced back to its own
 * columns, as {@link NativeRows} would have returned them from the part alone, so a part's mapper does not change.
 * <p>
 * Why: a cart's pricing reads the tax rates, the shipping zones and the discounts on every cart read, each a few rows.
 * PostgreSQL's cost for such reads is per statement (a snapshot, executor start-up, locks, a round trip), not per row,
 * so three reads as one cost about what one costs.
 */
public final class UnionRead {

    /**
     * One read: its select list (in the order its mapper expects) and the SQL type of each of those columns, what
     * follows {@code from} (joins and the where clause), the order of its rows, and its named parameters. The types
     * type the nulls the other parts' rows carry in these columns: PostgreSQL resolves {@code a union all b union all c}
     * as {@code (a union all b) union all c}, so a bare null would be resolved as text before it met the column's own
     * type. A select list longer or shorter than its types fails the statement ("each UNION query must have the same
     * number of columns"). Parameter names are shared by the whole statement: two parts may use one name only for the
     * same value (the store, typically).
     */
    public record Part(String columns, List<String> types, String from, String orderBy, Map<String, ?> params) {
        public Part {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("A part has at least one column");
            }
            types = List.copyOf(types);
            params = Collections.unmodifiableMap(new HashMap<>(params));
        }

        /** {@code types} as one comma-separated list ({@code "uuid, text, bigint"}). */
        public Part(String columns, String types, String from, String orderBy, Map<String, ?> params) {
            this(columns, Arrays.stream(types.split(",")).map(String::strip).toList(), from, orderBy, params);
        }

        int width() {
            return types.size();
        }
    }

    private final List<Part> parts = new ArrayList<>();

    /** Adds a part; its rows are {@link #run}'s list at the returned index. */
    public int add(Part part) {
        parts.add(part);
        return parts.size() - 1;
    }

    /** The statement's text: one per combination of parts, so NativeRows' cache of parsed texts keeps a few. */
    private String sql() {
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("(select ").append(i).append(" as union_part, row_number() over (order by ").append(part.orderBy())
                    .append(") as union_order");
            for (int other = 0; other < parts.size(); other++) {
                if (other == i) {
                    sql.append(", ").append(part.columns());
                } else {
                    parts.get(other).types().forEach(type -> sql.append(", cast(null as ").append(type).append(')'));
                }
            }
            sql.append(" from ").append(part.from()).append(')');
        }
        return sql.append(") u order by union_part, union_order").toString();
    }

    /** Runs the statement (one, whatever the number of parts) and returns each part's rows, in the part's order. */
    public List<List<Object[]>> run(NativeRows db) {
        List<List<Object[]>> result = new ArrayList<>();
        parts.forEach(p -> result.add(new ArrayList<>()));
        if (parts.isEmpty()) {
            return result;
        }
        int[] from = new int[parts.size()];
        for (int i = 1; i < parts.size(); i++) {
            from[i] = from[i - 1] + parts.get(i - 1).width();
        }
        for (Object[] row : db.query(sql(), params())) {
            int part = ((Number) row[0]).intValue();
            int start = 2 + from[part];
            result.get(part).add(Arrays.copyOfRange(row, start, start + parts.get(part).width()));
        }
        return result;
    }

    private Map<String, Object> params() {
        Map<String, Object> all = new HashMap<>();
        parts.forEach(part -> mergeParams(all, part.params()));
        return all;
    }

    /**
     * Adds {@code more} to {@code all}: the named parameters of reads that share one statement (this class's parts, a
     * {@link JoinedRead} and its caller). One name may come twice only with one value (the store, typically).
     */
    static void mergeParams(Map<String, Object> all, Map<String, ?> more) {
        more.forEach((name, value) -> {
            if (all.containsKey(name) && !Objects.equals(all.get(name), value)) {
                throw new IllegalArgumentException("Two reads of one statement give the parameter " + name + " different values");
            }
            all.put(name, value);
        });
    }
}
