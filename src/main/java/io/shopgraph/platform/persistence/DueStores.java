package io.shopgraph.platform.persistence;

/**
 * The scan of a work queue for "stores with due work, longest waiting first", for queue tables with a {@code store_id},
 * a {@code status} ('PENDING' while work remains), a {@code next_attempt_at} and an index on {@code (store_id,
 * next_attempt_at) where status = 'PENDING'}. A walk over the distinct stores of that index (one descent per store), then
 * each store's earliest due row (one more), instead of grouping every pending row: under a checkout burst the outbox's
 * scan that grouped 23,000 pending rows cost 25-55 ms every poll, and the mail sender's, grouping its queue the same way,
 * 18 ms a poll. Its cost grows with the number of stores that have work, not with the work.
 */
public final class DueStores {

    private DueStores() {
    }

    /**
     * The statement for {@code table} (schema-qualified); {@code due} is the extra condition a row must meet to be due, on
     * the alias {@code q} (e.g. no live lease). Its parameters: those of {@code due}, then the number of stores wanted.
     */
    public static String query(String table, String due) {
        return "with recursive stores as ((select store_id from " + table + " where status = 'PENDING' order by store_id limit 1) "
                + "union all select (select q.store_id from " + table + " q where q.status = 'PENDING' and q.store_id > s.store_id "
                + "order by q.store_id limit 1) from stores s where s.store_id is not null) "
                + "select s.store_id from stores s cross join lateral (select q.next_attempt_at from " + table + " q "
                + "where q.store_id = s.store_id and q.status = 'PENDING' and q.next_attempt_at <= now() and " + due + " "
                + "order by q.next_attempt_at limit 1) d where s.store_id is not null order by d.next_attempt_at limit ?";
    }
}
