-- The customers module: per-store customer accounts, addresses, access tokens, password resets and
-- login throttling. Every table carries store_id, has forced row-level security, and is reached only
-- after the storefront token fixed the store.
create schema if not exists customers;
grant usage on schema customers to ${app_role};

create table customers.customer (
    store_id          uuid        not null,
    id                uuid        not null,
    email             text        not null check (length(email) between 3 and 254),
    password_hash     text        not null,
    first_name        text,
    last_name         text,
    accepts_marketing boolean     not null,
    created_at        timestamptz not null,
    primary key (store_id, id),
    unique (store_id, email)
);

create table customers.customer_address (
    store_id    uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    first_name  text,
    last_name   text,
    company     text,
    address1    text        not null,
    address2    text,
    city        text        not null,
    province    text,
    zip         text,
    country_code char(2)    not null,
    phone       text,
    is_default  boolean     not null default false,
    created_at  timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, customer_id) references customers.customer (store_id, id) on delete cascade
);
create index customer_address_customer on customers.customer_address (store_id, customer_id);
create unique index customer_address_one_default on customers.customer_address (store_id, customer_id) where is_default;

create table customers.customer_token (
    store_id    uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    primary key (store_id, id),
    foreign key (store_id, customer_id) references customers.customer (store_id, id) on delete cascade
);
create index customer_token_customer on customers.customer_token (store_id, customer_id);

create table customers.password_reset (
    store_id    uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    primary key (store_id, id),
    foreign key (store_id, customer_id) references customers.customer (store_id, id) on delete cascade
);

-- Failed logins per throttling key ("email:<address>" or "client:<ip>"), per store.
create table customers.login_throttle (
    store_id        uuid        not null,
    throttle_key    text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz,
    primary key (store_id, throttle_key)
);

grant select, insert, update, delete on customers.customer, customers.customer_address, customers.customer_token,
    customers.password_reset, customers.login_throttle to ${app_role};

alter table customers.customer enable row level security;
alter table customers.customer force row level security;
create policy customer_isolation on customers.customer
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table customers.customer_address enable row level security;
alter table customers.customer_address force row level security;
create policy customer_address_isolation on customers.customer_address
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table customers.customer_token enable row level security;
alter table customers.customer_token force row level security;
create policy customer_token_isolation on customers.customer_token
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table customers.password_reset enable row level security;
alter table customers.password_reset force row level security;
create policy password_reset_isolation on customers.password_reset
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table customers.login_throttle enable row level security;
alter table customers.login_throttle force row level security;
create policy login_throttle_isolation on customers.login_throttle
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
