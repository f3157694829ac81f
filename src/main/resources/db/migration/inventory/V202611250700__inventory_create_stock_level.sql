-- The inventory module: stock per catalog variant (ids refer to catalog rows, without foreign keys).
create schema if not exists inventory;
grant usage on schema inventory to ${app_role};

create table inventory.stock_level (
    store_id   uuid        not null,
    variant_id uuid        not null,
    product_id uuid        not null,
    on_hand    int         not null default 0,
    tracked    boolean     not null default false,
    policy     text        not null default 'DENY' check (policy in ('DENY', 'CONTINUE')),
    updated_at timestamptz not null,
    primary key (store_id, variant_id)
);
create index stock_level_product on inventory.stock_level (store_id, product_id);

alter table inventory.stock_level enable row level security;
alter table inventory.stock_level force row level security;
create policy stock_level_isolation on inventory.stock_level using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on inventory.stock_level to ${app_role};
