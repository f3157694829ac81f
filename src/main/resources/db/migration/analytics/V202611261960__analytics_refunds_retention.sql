-- Issue 12 leftovers (docs/analytics.md): refunds and cancellations from the orders module, and the retention job.

-- Money paid back on an order (RefundCreated), counted when it is paid back (not when the order was placed).
create table analytics.refund (
    store_id     uuid        not null,
    id           uuid        not null,
    order_id     uuid        not null,
    amount_minor bigint      not null,
    created_at   timestamptz not null,
    primary key (store_id, id)
);
create index refund_created on analytics.refund (store_id, created_at);

-- When the order was cancelled (OrderCancelled), counted then.
alter table analytics.orders add column cancelled_at timestamptz;
create index orders_cancelled on analytics.orders (store_id, cancelled_at) where cancelled_at is not null;

alter table analytics.rollup add column refunds_minor bigint not null default 0,
    add column orders_cancelled int not null default 0;
alter table analytics.rollup_hour add column refunds_minor bigint not null default 0,
    add column orders_cancelled int not null default 0;

grant select, insert, update, delete on analytics.refund to ${app_role};
alter table analytics.refund enable row level security;
alter table analytics.refund force row level security;
create policy refund_isolation on analytics.refund
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

-- The retention job lists the stores that have analytics (rollups, or facts not rolled up yet) in a transaction that
-- declared itself a scan (app.analytics_scan = 'on'): a SELECT-only policy clause, as cart.store_activity's.
create policy rollup_hour_scan on analytics.rollup_hour for select
    using (current_setting('app.analytics_scan', true) = 'on');
create policy dirty_bucket_scan on analytics.dirty_bucket for select
    using (current_setting('app.analytics_scan', true) = 'on');

-- Per store, the start (a UTC midnight) of the facts the retention job keeps: facts before it are deleted, and the rollups
-- before it are kept as they are (a refresh or a rebuild no longer recomputes them from facts that are gone).
create table analytics.fact_horizon (
    store_id  uuid        not null primary key,
    facts_from timestamptz not null
);
grant select, insert, update, delete on analytics.fact_horizon to ${app_role};
alter table analytics.fact_horizon enable row level security;
alter table analytics.fact_horizon force row level security;
create policy fact_horizon_isolation on analytics.fact_horizon
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
