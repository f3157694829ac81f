-- The dispatcher's claim (EventDispatcher.CLAIM): a store's due deliveries that head their (consumer, aggregate) queue, in
-- seq order, locked, optionally of one lane (the queues whose aggregate hashes to it). Its cost must be the batch, not the
-- backlog, whatever the statistics say, so the plan is pinned:
-- - the walk: event_delivery_pending_walk in seq order, stopping at p_limit. The function's settings (they hold only while
--   it runs) disable sorts, so no other index can give that order. With a lane filter the planner had estimated a hundred
--   matching rows in all, read the whole backlog through the queue index and sorted it (0.3 s at 40,000 pending).
-- - the probe of each candidate for an earlier pending delivery of its queue: one descent of event_delivery_head. OFFSET 0
--   keeps it a probe (an anti-join plan once rescanned the backlog per candidate: 5.8 s), and ORDER BY seq LIMIT 1 is an
--   order only that index gives under the probe's equalities. The walk's index carries "seq > 0" (always true) in its
--   predicate so that the probe, which does not say so, cannot use it: on a table the statistics still thought empty the
--   probe had taken the walk's index (or the (store_id, next_attempt_at) one) and read the store's backlog per candidate.
-- SECURITY INVOKER: row-level security applies as to the caller's own statements.
create index event_delivery_pending_walk on platform.event_delivery (store_id, seq) where status = 'PENDING' and seq > 0;
drop index platform.event_delivery_pending_seq;

create function platform.claim_deliveries(p_store uuid, p_consumers text[], p_lanes int, p_lane int, p_limit int)
    returns table (row_address text, event_id uuid, consumer text, attempts int, type text, payload text, aggregate_id uuid,
                   occurred_at timestamptz)
    language plpgsql
    set enable_sort = off set enable_seqscan = off set enable_bitmapscan = off set enable_hashjoin = off
    set enable_mergejoin = off as $$
#variable_conflict use_column
begin
    return query
    select d.ctid::text, d.event_id, d.consumer, d.attempts, e.type, e.payload::text, e.aggregate_id, e.occurred_at
    from platform.event_delivery d
    join platform.event e on e.store_id = d.store_id and e.id = d.event_id
    where d.store_id = p_store and d.status = 'PENDING' and d.seq > 0 and d.consumer = any(p_consumers) and d.next_attempt_at <= now()
      and (p_lanes <= 1 or (hashtext(d.aggregate_id::text) & 2147483647) % p_lanes = p_lane)
      and not exists (select 1 from platform.event_delivery p where p.store_id = d.store_id and p.consumer = d.consumer
                      and p.aggregate_id = d.aggregate_id and p.status = 'PENDING' and p.seq < d.seq order by p.seq limit 1 offset 0)
    order by d.seq
    limit p_limit
    for update of d skip locked;
end
$$;
