-- The analytics module (docs/analytics.md). Two layers, both tenant tables with forced RLS:
--  * facts: what the outbox events said, applied idempotently (natural keys or the event id), kept so that
--    every rollup can be recomputed from them (the outbox itself is pruned after a week);
--  * rollups: per store and UTC quarter-hour (every time zone's midnight falls on one) and hour, and for the
--    top lists also per UTC day and month; recomputed from the facts for the buckets marked dirty.
create schema if not exists analytics;
grant usage on schema analytics to ${app_role};

-- The quarter-hour (UTC) an instant falls in: the rollup bucket.
create function analytics.quarter(t timestamptz) returns timestamptz
    language sql immutable parallel safe
    return date_bin('15 minutes', t, timestamptz '2000-01-01 00:00:00+00');

create table analytics.session (
    store_id      uuid        not null,
    id            uuid        not null,
    started_at    timestamptz not null,
    landing_path  text,
    referrer_host text,
    utm_source    text,
    utm_medium    text,
    utm_campaign  text,
    primary key (store_id, id)
);
create index session_started on analytics.session (store_id, started_at);

create table analytics.cart (
    store_id      uuid        not null,
    id            uuid        not null,
    session_id    uuid,
    created_at    timestamptz,
    currency_code text,
    -- The first and the latest line change (add, update, remove): "carts with lines" count from the
    -- first; the abandonment window runs from the latest.
    first_line_at timestamptz,
    last_line_at  timestamptz,
    line_count    int         not null default 0,
    email         text,
    phone         text,
    country_code  text,
    customer_id   uuid,
    merged_into   uuid,
    expired_at    timestamptz,
    primary key (store_id, id)
);
create index cart_created on analytics.cart (store_id, created_at);
create index cart_first_line on analytics.cart (store_id, first_line_at) where first_line_at is not null;
create index cart_last_line on analytics.cart (store_id, last_line_at) where first_line_at is not null and merged_into is null;

-- The cart's lines as they stand now (for abandoned-cart recovery).
create table analytics.cart_line (
    store_id         uuid   not null,
    cart_id          uuid   not null,
    line_id          uuid   not null,
    variant_id       uuid,
    product_id       uuid,
    quantity         int    not null,
    unit_price_minor bigint not null,
    currency_code    text,
    primary key (store_id, cart_id, line_id)
);

-- One row per CartLineAdded event (units added), for "adds" per product.
create table analytics.line_add (
    store_id   uuid        not null,
    event_id   uuid        not null,
    cart_id    uuid        not null,
    product_id uuid,
    quantity   int         not null,
    added_at   timestamptz not null,
    primary key (store_id, event_id)
);
create index line_add_at on analytics.line_add (store_id, added_at);

-- One row per PRODUCT_VIEWED page event.
create table analytics.product_view (
    store_id   uuid        not null,
    event_id   uuid        not null,
    session_id uuid,
    product_id uuid        not null,
    viewed_at  timestamptz not null,
    primary key (store_id, event_id)
);
create index product_view_at on analytics.product_view (store_id, viewed_at);

create table analytics.checkout (
    store_id   uuid        not null,
    id         uuid        not null,
    cart_id    uuid,
    session_id uuid,
    started_at timestamptz not null,
    primary key (store_id, id)
);
create index checkout_started on analytics.checkout (store_id, started_at);

create table analytics.checkout_step (
    store_id     uuid        not null,
    checkout_id  uuid        not null,
    step_index   int         not null,
    step         text        not null,
    completed_at timestamptz not null,
    primary key (store_id, checkout_id, step_index)
);

create table analytics.orders (
    store_id      uuid        not null,
    id            uuid        not null,
    cart_id       uuid,
    session_id    uuid,
    placed_at     timestamptz not null,
    currency_code text        not null,
    total_minor   bigint      not null,
    paid_at       timestamptz,
    paid_minor    bigint,
    primary key (store_id, id)
);
create index orders_placed on analytics.orders (store_id, placed_at);
create index orders_cart on analytics.orders (store_id, cart_id) where cart_id is not null;

create table analytics.order_line (
    store_id    uuid   not null,
    order_id    uuid   not null,
    position    int    not null,
    variant_id  uuid,
    product_id  uuid,
    quantity    int    not null,
    total_minor bigint not null,
    primary key (store_id, order_id, position)
);

-- Quarter-hours whose rollups no longer match the facts (written with the facts, cleared on refresh).
create table analytics.dirty_bucket (
    store_id uuid        not null,
    bucket   timestamptz not null,
    primary key (store_id, bucket)
);

-- Counters per store and UTC quarter-hour; each figure is bucketed by the instant named in docs/analytics.md.
create table analytics.rollup (
    store_id                uuid        not null,
    bucket                  timestamptz not null,
    sessions                int         not null,
    carts_created           int         not null,
    carts_with_lines        int         not null,
    merged_carts_with_lines int         not null,
    carts_ordered           int         not null,
    checkouts_started       int         not null,
    orders                  int         not null,
    revenue_minor           bigint      not null,
    primary key (store_id, bucket)
);

-- The same counters per UTC hour (the sum of its quarters): reports in zones whose offsets are whole hours
-- over the period (most) read a quarter as many rows.
create table analytics.rollup_hour (like analytics.rollup including all);

-- Top lists: per store, level (Q: quarter-hour, D: UTC day = the sum of its quarters, M: UTC month = the sum of
-- its days), kind and key.
-- PRODUCT: views, adds (units), purchases (units); REFERRER, LANDING_PAGE, CAMPAIGN: sessions;
-- CHECKOUT_STEP (key 'nnn:step'): checkouts started in the bucket that completed the step (in sessions).
create table analytics.top_item (
    store_id  uuid        not null,
    level     char(1)     not null check (level in ('Q', 'D', 'M')),
    kind      text        not null,
    bucket    timestamptz not null,
    key       text        not null,
    views     int         not null default 0,
    adds      int         not null default 0,
    purchases int         not null default 0,
    sessions  int         not null default 0,
    -- The counts ride in the key's index, so a report reads its ranges by index-only scans.
    primary key (store_id, level, bucket, kind, key) include (views, adds, purchases, sessions)
);

grant select, insert, update, delete on analytics.session, analytics.cart, analytics.cart_line, analytics.line_add,
    analytics.product_view, analytics.checkout, analytics.checkout_step, analytics.orders, analytics.order_line,
    analytics.dirty_bucket, analytics.rollup, analytics.rollup_hour, analytics.top_item to ${app_role};
grant execute on function analytics.quarter(timestamptz) to ${app_role};

do $$
declare t text;
begin
    foreach t in array array['session', 'cart', 'cart_line', 'line_add', 'product_view', 'checkout', 'checkout_step',
            'orders', 'order_line', 'dirty_bucket', 'rollup', 'rollup_hour', 'top_item'] loop
        execute format('alter table analytics.%I enable row level security', t);
        execute format('alter table analytics.%I force row level security', t);
        execute format('create policy %I on analytics.%I using (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid) '
                || 'with check (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid)', t || '_isolation', t);
    end loop;
end $$;
