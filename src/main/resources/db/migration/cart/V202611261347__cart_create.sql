-- The cart module: shopper sessions (kept for analytics), carts and their lines. Every tenant table
-- carries store_id, has forced row-level security and no trigger announcing changes: carts and
-- sessions never touch the storefront response cache (docs/cart.md).
create schema if not exists cart;
grant usage on schema cart to ${app_role};

create table cart.cart (
    store_id         uuid        not null,
    -- A random (version 4) UUID: the id is the shopper's only key to the cart, so it must not be guessable.
    id               uuid        not null,
    status           text        not null default 'OPEN' check (status in ('OPEN', 'MERGED', 'EXPIRED')),
    currency_code    char(3)     not null,
    customer_id      uuid,
    email            text        check (length(email) <= 254),
    phone            text        check (length(phone) <= 32),
    country_code     char(2),
    note             text        check (length(note) <= 5000),
    attribute_keys   text[]      not null default '{}',
    attribute_values text[]      not null default '{}',
    session_id       uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    expires_at       timestamptz not null,
    primary key (store_id, id)
);
create index cart_customer_open on cart.cart (store_id, customer_id, updated_at desc) where status = 'OPEN' and customer_id is not null;
create index cart_open_expiry on cart.cart (store_id, expires_at) where status = 'OPEN';
create index cart_expired on cart.cart (store_id, updated_at) where status <> 'OPEN';

create table cart.cart_line (
    store_id          uuid        not null,
    id                uuid        not null,
    cart_id           uuid        not null,
    variant_id        uuid        not null,
    product_id        uuid        not null,
    quantity          int         not null check (quantity between 1 and 1000000),
    -- The unit price when the line was added (or its quantity last changed); PRICE_CHANGED tells when the catalog moved since.
    unit_price_minor  bigint      not null,
    currency_code     char(3)     not null,
    requires_shipping boolean     not null,
    attribute_keys    text[]      not null default '{}',
    attribute_values  text[]      not null default '{}',
    position          int         not null,
    created_at        timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, cart_id) references cart.cart (store_id, id) on delete cascade
);
create index cart_line_cart on cart.cart_line (store_id, cart_id, position);

create table cart.shopper_session (
    store_id      uuid        not null,
    id            uuid        not null,
    token_hash    text        not null unique,
    landing_path  text        check (length(landing_path) <= 512),
    referrer_host text        check (length(referrer_host) <= 255),
    utm_source    text        check (length(utm_source) <= 128),
    utm_medium    text        check (length(utm_medium) <= 128),
    utm_campaign  text        check (length(utm_campaign) <= 128),
    utm_term      text        check (length(utm_term) <= 128),
    utm_content   text        check (length(utm_content) <= 128),
    locale        text        check (length(locale) <= 35),
    country_code  char(2),
    device_type   text        not null check (device_type in ('DESKTOP', 'MOBILE', 'TABLET', 'OTHER')),
    customer_id   uuid,
    event_count   int         not null default 0,
    started_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    expires_at    timestamptz not null,
    primary key (store_id, id)
);
create index shopper_session_started on cart.shopper_session (store_id, started_at);

create table cart.session_event (
    store_id    uuid        not null,
    id          uuid        not null,
    session_id  uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null,
    cart_id     uuid,
    subject_id  uuid,       -- the variant of line events, the product or collection viewed
    quantity    int,
    detail      text        check (length(detail) <= 1024),
    primary key (store_id, id),
    foreign key (store_id, session_id) references cart.shopper_session (store_id, id) on delete cascade
);
create index session_event_session on cart.session_event (store_id, session_id, occurred_at);
create index session_event_time on cart.session_event (store_id, occurred_at);

-- Which stores have carts or sessions, so the expiry and retention job can visit them one store at a
-- time. A store writes only its own row; the job's scan reads store ids only, in a transaction that
-- declared itself a scan (app.cart_scan = 'on', a SELECT-only policy clause, as platform.event's).
create table cart.store_activity (
    store_id uuid primary key
);

grant select, insert, update, delete on cart.cart, cart.cart_line, cart.shopper_session, cart.session_event, cart.store_activity
    to ${app_role};

alter table cart.cart enable row level security;
alter table cart.cart force row level security;
create policy cart_isolation on cart.cart
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table cart.cart_line enable row level security;
alter table cart.cart_line force row level security;
create policy cart_line_isolation on cart.cart_line
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table cart.shopper_session enable row level security;
alter table cart.shopper_session force row level security;
create policy shopper_session_isolation on cart.shopper_session
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table cart.session_event enable row level security;
alter table cart.session_event force row level security;
create policy session_event_isolation on cart.session_event
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table cart.store_activity enable row level security;
alter table cart.store_activity force row level security;
create policy store_activity_isolation on cart.store_activity
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
create policy store_activity_scan on cart.store_activity for select
    using (current_setting('app.cart_scan', true) = 'on');
