-- The webhooks module (docs/webhooks.md): subscriptions, deliveries (one per event and subscription, or a
-- replay) and their attempts. Tenant tables with forced RLS like every other.
create schema if not exists webhooks;
grant usage on schema webhooks to ${app_role};

create table webhooks.subscription (
    store_id                   uuid        not null,
    id                         uuid        not null,
    topic                      text        not null,
    callback_url               text        not null check (length(callback_url) between 1 and 2048),
    -- The partner app that owns it (client id); null: the store's own (made by staff).
    app_client_id              text,
    -- HMAC keys must be usable, so they are stored as they are (shown to the merchant once).
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    status                     text        not null default 'ACTIVE' check (status in ('ACTIVE', 'FAILING')),
    failure_reason             text,
    failing_since              timestamptz,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    primary key (store_id, id)
);
create index subscription_topic on webhooks.subscription (store_id, topic) where status = 'ACTIVE';

create table webhooks.delivery (
    store_id         uuid        not null,
    id               uuid        not null,
    subscription_id  uuid        not null,
    event_id         uuid        not null,
    topic            text        not null,
    body             text        not null,
    replay_of        uuid,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    -- Held by the sender that is posting it (a lease, not a transaction: HTTP runs outside any).
    lease_until      timestamptz,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    last_status_code int,
    last_error       text,
    primary key (store_id, id),
    foreign key (store_id, subscription_id) references webhooks.subscription (store_id, id) on delete cascade
);
-- An event reaches a subscription once (the outbox consumer may run twice); replays are extra rows.
create unique index delivery_once on webhooks.delivery (store_id, subscription_id, event_id) where replay_of is null;
create index delivery_due on webhooks.delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_subscription on webhooks.delivery (store_id, subscription_id, id);

create table webhooks.attempt (
    store_id     uuid        not null,
    delivery_id  uuid        not null,
    number       int         not null,
    attempted_at timestamptz not null,
    status_code  int,
    latency_ms   int         not null,
    error        text,
    primary key (store_id, delivery_id, number),
    foreign key (store_id, delivery_id) references webhooks.delivery (store_id, id) on delete cascade
);

grant select, insert, update, delete on webhooks.subscription, webhooks.delivery, webhooks.attempt to ${app_role};

alter table webhooks.subscription enable row level security;
alter table webhooks.subscription force row level security;
create policy subscription_isolation on webhooks.subscription
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table webhooks.attempt enable row level security;
alter table webhooks.attempt force row level security;
create policy attempt_isolation on webhooks.attempt
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

-- As for platform.event_delivery: the sender's scan (app.webhooks_scan = 'on') may SELECT to learn which
-- stores have due deliveries; claims, sends and updates run bound to the store.
alter table webhooks.delivery enable row level security;
alter table webhooks.delivery force row level security;
create policy delivery_isolation on webhooks.delivery
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
create policy delivery_scan on webhooks.delivery for select
    using (current_setting('app.webhooks_scan', true) = 'on');
