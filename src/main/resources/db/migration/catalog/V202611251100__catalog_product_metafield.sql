-- Merchant metadata on products: namespace + key -> string value, private unless storefront_visible.
create table catalog.product_metafield (
    store_id           uuid        not null,
    id                 uuid        not null,
    product_id         uuid        not null,
    namespace          text        not null check (namespace ~ '^[A-Za-z0-9_-]{1,64}$'),
    key                text        not null check (key ~ '^[A-Za-z0-9_-]{1,64}$'),
    value              text        not null check (length(value) between 1 and 10000),
    storefront_visible boolean     not null default false,
    updated_at         timestamptz not null,
    primary key (store_id, id),
    unique (store_id, product_id, namespace, key),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);

alter table catalog.product_metafield enable row level security;
alter table catalog.product_metafield force row level security;
create policy product_metafield_isolation on catalog.product_metafield using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.product_metafield to ${app_role};
