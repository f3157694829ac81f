-- The store module: stores (the tenants), their storefront access tokens and staff members.
create schema if not exists store;
grant usage on schema store to ${app_role};

create table store.store (
    id                 uuid primary key,
    name               text        not null check (length(name) between 1 and 255),
    handle             text        not null unique check (handle ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    currency_code      char(3)     not null,
    country_code       char(2)     not null,
    prices_include_tax boolean     not null,
    timezone           text        not null,
    plan               text        not null,
    created_at         timestamptz not null
);
grant select, insert, update on store.store to ${app_role};

create table store.storefront_token (
    store_id   uuid        not null references store.store (id),
    id         uuid        not null,
    title      text        not null check (length(title) between 1 and 100),
    token_hash text        not null unique,
    token_hint text        not null,
    created_at timestamptz not null,
    revoked_at timestamptz,
    primary key (store_id, id)
);
grant select, insert, update on store.storefront_token to ${app_role};

create table store.staff_member (
    store_id   uuid        not null references store.store (id),
    id         uuid        not null,
    issuer     text        not null,
    subject    text        not null,
    role       text        not null,
    created_at timestamptz not null,
    primary key (store_id, id),
    unique (store_id, issuer, subject)
);
create index staff_member_principal on store.staff_member (issuer, subject);
grant select, insert, update, delete on store.staff_member to ${app_role};

-- Row-level security: the second tenancy wall. Rows are visible to the transaction's store only.
-- A credential lookup, which runs before the store is known, may read exactly the rows matching
-- the credential it declares (a token hash, or an OIDC issuer and subject) and nothing else.
alter table store.storefront_token enable row level security;
alter table store.storefront_token force row level security;
create policy storefront_token_isolation on store.storefront_token
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid
           or token_hash = nullif(current_setting('app.token_hash', true), ''))
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table store.staff_member enable row level security;
alter table store.staff_member force row level security;
create policy staff_member_isolation on store.staff_member
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid
           or (issuer = nullif(current_setting('app.principal_issuer', true), '')
               and subject = nullif(current_setting('app.principal_subject', true), '')))
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
