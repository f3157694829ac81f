-- The digital module (docs/digital.md): files and license keys of DIGITAL variants, and what a paid order
-- receives (download grants, assigned keys, lines still awaiting a key). Tenant tables with forced RLS; rows
-- of other modules (variants, orders, order lines) are referred to by id without foreign keys.
create schema if not exists digital;
grant usage on schema digital to ${app_role};

-- A file of a variant. PENDING from digitalFileUploadCreate until its bytes arrive on PUT /uploads/{token},
-- then READY (attached). Only the sha-256 of the upload token is kept.
create table digital.file (
    store_id          uuid        not null,
    id                uuid        not null,
    variant_id        uuid        not null,
    file_name         text        not null check (length(file_name) between 1 and 255),
    content_type      text        not null check (length(content_type) between 1 and 100),
    byte_size         bigint      not null check (byte_size > 0),
    storage_key       text        not null,
    status            text        not null check (status in ('PENDING', 'READY')),
    upload_token_hash text        unique,
    upload_expires_at timestamptz,
    created_at        timestamptz not null,
    uploaded_at       timestamptz,
    primary key (store_id, id)
);
create index file_variant on digital.file (store_id, variant_id, created_at);

-- The pool of license keys of a variant; a key is handed out once: order_id is set by one conditional update.
create table digital.license_key (
    store_id      uuid        not null,
    id            uuid        not null,
    variant_id    uuid        not null,
    key_value     text        not null check (length(key_value) between 1 and 500),
    order_id      uuid,
    order_line_id uuid,
    created_at    timestamptz not null,
    assigned_at   timestamptz,
    primary key (store_id, id),
    unique (store_id, variant_id, key_value)
);
create index license_key_free on digital.license_key (store_id, variant_id, created_at, id) where order_id is null;
create index license_key_order on digital.license_key (store_id, order_id) where order_id is not null;

-- One row per delivered order: the OrderPaid consumer's idempotency mark.
create table digital.delivery (
    store_id     uuid        not null,
    order_id     uuid        not null,
    delivered_at timestamptz not null,
    primary key (store_id, order_id)
);

-- A DIGITAL line of a delivered order that uses license keys: how many keys it still waits for.
create table digital.delivery_line (
    store_id      uuid not null,
    order_id      uuid not null,
    order_line_id uuid not null,
    variant_id    uuid not null,
    quantity      int  not null check (quantity > 0),
    keys_missing  int  not null check (keys_missing between 0 and quantity),
    primary key (store_id, order_line_id),
    foreign key (store_id, order_id) references digital.delivery (store_id, order_id) on delete cascade
);
create index delivery_line_order on digital.delivery_line (store_id, order_id);
create index delivery_line_awaiting on digital.delivery_line (store_id, variant_id) where keys_missing > 0;

-- One download grant per file per DIGITAL line. The link's token is derived (HMAC) from the grant id and
-- token_salt under a configured secret, so the order can show its link again while the table alone reveals
-- nothing usable; token_hash (sha-256 of the token) finds the grant. A resend draws a new salt.
create table digital.download_grant (
    store_id       uuid        not null,
    id             uuid        not null,
    order_id       uuid        not null,
    order_line_id  uuid        not null,
    file_id        uuid        not null,
    token_salt     text        not null,
    token_hash     text        not null unique,
    expires_at     timestamptz not null,
    download_limit int         not null check (download_limit > 0),
    download_count int         not null default 0,
    created_at     timestamptz not null,
    last_download_at timestamptz,
    primary key (store_id, id),
    foreign key (store_id, order_id) references digital.delivery (store_id, order_id) on delete cascade,
    -- The backstop of the counted download: never more than the limit.
    check (download_count between 0 and download_limit)
);
create index download_grant_order on digital.download_grant (store_id, order_id, created_at);

do $$
declare t text;
begin
    foreach t in array array['file', 'license_key', 'delivery', 'delivery_line', 'download_grant'] loop
        execute format('alter table digital.%I enable row level security', t);
        execute format('alter table digital.%I force row level security', t);
        execute format('create policy %I on digital.%I using (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid) '
            || 'with check (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid)', t || '_isolation', t);
        execute format('grant select, insert, update, delete on digital.%I to ${app_role}', t);
    end loop;
end
$$;
-- The download and upload endpoints learn the store from the token: a transaction that declared a token's hash
-- may read exactly the row of that token (and nothing else) before any store is bound.
create policy download_grant_by_token on digital.download_grant for select
    using (token_hash = nullif(current_setting('app.digital_token_hash', true), ''));
create policy file_by_upload_token on digital.file for select
    using (upload_token_hash = nullif(current_setting('app.digital_token_hash', true), ''));
