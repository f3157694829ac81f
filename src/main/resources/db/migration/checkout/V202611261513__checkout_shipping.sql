-- Shipping zones (countries, optionally regions) and their rates (docs/pricing.md). A cart's delivery options are
-- the rates of the most specific zone matching its address, plus every local pickup rate.
create table checkout.shipping_zone (
    store_id       uuid        not null,
    id             uuid        not null,
    name           text        not null check (length(name) between 1 and 255),
    countries      text[]      not null,
    -- 'CC-RRR' (ISO 3166-2); empty: the whole of each country.
    regions        text[]      not null default '{}',
    taxes_shipping boolean     not null default false,
    created_at     timestamptz not null,
    primary key (store_id, id)
);

create table checkout.shipping_rate (
    store_id         uuid        not null,
    id               uuid        not null,
    zone_id          uuid        not null,
    title            text        not null check (length(title) between 1 and 255),
    kind             text        not null check (kind in ('FLAT', 'SUBTOTAL', 'PICKUP')),
    price_minor      bigint      not null check (price_minor >= 0),
    -- SUBTOTAL: the shippable subtotal range [min, max); null = open.
    min_subtotal     bigint,
    max_subtotal     bigint,
    -- Free when the shippable subtotal reaches this; null = never.
    free_above_minor bigint,
    min_days         int,
    max_days         int,
    primary key (store_id, id),
    foreign key (store_id, zone_id) references checkout.shipping_zone (store_id, id) on delete cascade
);
create index shipping_rate_zone on checkout.shipping_rate (store_id, zone_id);

grant select, insert, update, delete on checkout.shipping_zone, checkout.shipping_rate to ${app_role};

alter table checkout.shipping_zone enable row level security;
alter table checkout.shipping_zone force row level security;
create policy shipping_zone_isolation on checkout.shipping_zone
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table checkout.shipping_rate enable row level security;
alter table checkout.shipping_rate force row level security;
create policy shipping_rate_isolation on checkout.shipping_rate
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
