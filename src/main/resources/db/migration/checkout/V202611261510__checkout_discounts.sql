-- The checkout module's discounts (docs/pricing.md): codes (code not null) and automatic discounts (code null),
-- and the usages counted when an order is placed. Tenant tables with forced RLS like every other.
create schema if not exists checkout;
grant usage on schema checkout to ${app_role};

create table checkout.discount (
    store_id             uuid        not null,
    id                   uuid        not null,
    -- Upper case; null for an automatic discount.
    code                 text        check (code = upper(code) and length(code) between 1 and 64),
    title                text        not null check (length(title) between 1 and 255),
    kind                 text        not null check (kind in ('PERCENTAGE', 'FIXED_AMOUNT', 'BUY_X_GET_Y', 'FREE_SHIPPING')),
    -- Basis points (PERCENTAGE, BUY_X_GET_Y) or minor units of the store's currency (FIXED_AMOUNT).
    value                bigint      not null check (value >= 0),
    each_item            boolean     not null default false,
    product_ids          uuid[]      not null default '{}',
    variant_ids          uuid[]      not null default '{}',
    collection_ids       uuid[]      not null default '{}',
    minimum_subtotal     bigint      not null default 0 check (minimum_subtotal >= 0),
    minimum_quantity     int         not null default 0 check (minimum_quantity >= 0),
    buy_quantity         int         not null default 0,
    get_quantity         int         not null default 0,
    combines_with        text[]      not null default '{}',
    starts_at            timestamptz not null,
    ends_at              timestamptz,
    usage_limit          int         check (usage_limit > 0),
    per_customer_limit   int         check (per_customer_limit > 0),
    -- Counted by DiscountUsage.reserve at order placement with a conditional update; the check is the backstop.
    used_count           int         not null default 0 check (used_count >= 0 and (usage_limit is null or used_count <= usage_limit)),
    created_at           timestamptz not null,
    primary key (store_id, id)
);
create unique index discount_code on checkout.discount (store_id, code) where code is not null;
create index discount_automatic on checkout.discount (store_id, starts_at) where code is null;

-- One row per order and discount: what the per-customer limit counts, and what makes reserve idempotent per order.
create table checkout.discount_usage (
    store_id     uuid        not null,
    discount_id  uuid        not null,
    order_id     uuid        not null,
    -- The customer id, or the lower-cased email of a guest; null when neither is known.
    customer_key text,
    created_at   timestamptz not null,
    primary key (store_id, discount_id, order_id),
    foreign key (store_id, discount_id) references checkout.discount (store_id, id) on delete cascade
);
create index discount_usage_customer on checkout.discount_usage (store_id, discount_id, customer_key);

grant select, insert, update, delete on checkout.discount, checkout.discount_usage to ${app_role};

alter table checkout.discount enable row level security;
alter table checkout.discount force row level security;
create policy discount_isolation on checkout.discount
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table checkout.discount_usage enable row level security;
alter table checkout.discount_usage force row level security;
create policy discount_usage_isolation on checkout.discount_usage
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
