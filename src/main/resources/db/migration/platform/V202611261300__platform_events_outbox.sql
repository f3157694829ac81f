-- The transactional outbox of platform.events (docs/events.md). A module records an event in the
-- same transaction as the change; one delivery row per subscribed consumer is written with it, and
-- dispatchers on any instance claim due deliveries with FOR UPDATE SKIP LOCKED after commit.
create schema if not exists platform;
grant usage on schema platform to ${app_role};

create table platform.event (
    store_id     uuid        not null,
    id           uuid        not null,
    -- Allocated under a per-aggregate advisory lock held to commit (platform.record_event), so for one
    -- aggregate the order of seq is the order of commit.
    seq          bigint      generated always as identity,
    aggregate_id uuid        not null,
    type         text        not null check (length(type) between 1 and 200),
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    primary key (store_id, id)
);
create index event_occurred on platform.event (occurred_at);

create table platform.event_delivery (
    store_id        uuid        not null,
    event_id        uuid        not null,
    consumer        text        not null,
    aggregate_id    uuid        not null,
    seq             bigint      not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    delivered_at    timestamptz,
    primary key (store_id, event_id, consumer),
    foreign key (store_id, event_id) references platform.event (store_id, id) on delete cascade
);
-- Which stores have due work (the dispatcher's scan), and the head of each (consumer, aggregate) queue.
create index event_delivery_due on platform.event_delivery (next_attempt_at) where status = 'PENDING';
create index event_delivery_head on platform.event_delivery (store_id, consumer, aggregate_id, seq) where status = 'PENDING';

grant select, insert, update, delete on platform.event, platform.event_delivery to ${app_role};

-- Tenant rows like any other: a transaction sees and writes only its store's events. The one extra
-- clause admits SELECT (never a write) to a transaction that declared itself a dispatcher scan
-- (app.events_scan = 'on'); scans read only store ids and schedule columns to learn which stores
-- have due work, then every claim, handler and update runs in a transaction bound to that store.
alter table platform.event enable row level security;
alter table platform.event force row level security;
create policy event_isolation on platform.event
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
create policy event_scan on platform.event for select
    using (current_setting('app.events_scan', true) = 'on');

alter table platform.event_delivery enable row level security;
alter table platform.event_delivery force row level security;
create policy event_delivery_isolation on platform.event_delivery
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
create policy event_delivery_scan on platform.event_delivery for select
    using (current_setting('app.events_scan', true) = 'on');

-- Records one event and its deliveries in the caller's transaction (SECURITY INVOKER: RLS applies).
-- The advisory lock serialises publishers of one aggregate until they commit, so a later seq can
-- never commit before an earlier one of the same aggregate.
create function platform.record_event(p_id uuid, p_store uuid, p_aggregate uuid, p_type text, p_payload jsonb,
                                      p_occurred timestamptz, p_consumers text[]) returns bigint
    language plpgsql as $$
declare
    v_seq bigint;
begin
    perform pg_advisory_xact_lock(hashtextextended(p_store::text || '/' || p_aggregate::text, 7));
    insert into platform.event (store_id, id, aggregate_id, type, payload, occurred_at)
    values (p_store, p_id, p_aggregate, p_type, p_payload, p_occurred)
    returning seq into v_seq;
    insert into platform.event_delivery (store_id, event_id, consumer, aggregate_id, seq, next_attempt_at)
    select p_store, p_id, c, p_aggregate, v_seq, now() from unnest(p_consumers) as c;
    return v_seq;
end
$$;
