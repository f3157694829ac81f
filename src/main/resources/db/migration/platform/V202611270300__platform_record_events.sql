-- platform.record_event for all the events a publisher records at once (EventPublisher.publishAll): one call per
-- publish instead of one per event (a checkout published eight, each a round trip and a function call). The same
-- steps, in the order given: per event the aggregate's advisory lock, the event row, its delivery rows.
-- p_consumers holds every event's consumers one after the other, p_consumer_counts how many belong to each event.
create function platform.record_events(p_store uuid, p_ids uuid[], p_aggregates uuid[], p_types text[], p_payloads text[],
                                       p_occurred timestamptz, p_consumers text[], p_consumer_counts int[]) returns void
    language plpgsql as $$
declare
    v_seq  bigint;
    v_from int := 1;
begin
    if array_length(p_ids, 1) is distinct from array_length(p_aggregates, 1)
            or array_length(p_ids, 1) is distinct from array_length(p_types, 1)
            or array_length(p_ids, 1) is distinct from array_length(p_payloads, 1)
            or array_length(p_ids, 1) is distinct from array_length(p_consumer_counts, 1) then
        raise exception 'record_events: the event arrays differ in length';
    end if;
    for i in 1 .. coalesce(array_length(p_ids, 1), 0) loop
        perform pg_advisory_xact_lock(hashtextextended(p_store::text || '/' || p_aggregates[i]::text, 7));
        insert into platform.event (store_id, id, aggregate_id, type, payload, occurred_at)
        values (p_store, p_ids[i], p_aggregates[i], p_types[i], p_payloads[i]::jsonb, p_occurred)
        returning seq into v_seq;
        insert into platform.event_delivery (store_id, event_id, consumer, aggregate_id, seq, next_attempt_at)
        select p_store, p_ids[i], c, p_aggregates[i], v_seq, now()
        from unnest(p_consumers[v_from : v_from + p_consumer_counts[i] - 1]) as c;
        v_from := v_from + p_consumer_counts[i];
    end loop;
end
$$;
