-- The catalog module: products, their options, variants and media, and collections.
create schema if not exists catalog;
grant usage on schema catalog to ${app_role};

create table catalog.product (
    store_id         uuid        not null,
    id               uuid        not null,
    title            text        not null check (length(title) between 1 and 255),
    handle           text        not null check (handle ~ '^[a-z0-9]([a-z0-9-]{0,253}[a-z0-9])?$'),
    description      text        not null default '',
    description_html text        not null default '',
    status           text        not null check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    published_at     timestamptz,
    kind             text        not null check (kind in ('PHYSICAL', 'DIGITAL', 'SERVICE', 'GIFT_CARD')),
    vendor           text        not null default '',
    tags             text[]      not null default '{}',
    seo_title        text,
    seo_description  text,
    min_price_minor  bigint      not null default 0,
    max_price_minor  bigint      not null default 0,
    currency_code    char(3)     not null,
    units_sold       bigint      not null default 0,
    -- Whether a variant can be bought; written by the inventory module through CatalogApi.
    available        boolean     not null default true,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (store_id, id),
    unique (store_id, handle)
);
-- Storefront listings: visible products of a store in each sort order (keyset pagination).
create index product_title on catalog.product (store_id, lower(title), id) where status = 'ACTIVE';
create index product_price on catalog.product (store_id, min_price_minor, id) where status = 'ACTIVE';
create index product_created on catalog.product (store_id, created_at, id) where status = 'ACTIVE';
create index product_best_selling on catalog.product (store_id, units_sold, id) where status = 'ACTIVE';
create index product_tags on catalog.product using gin (tags);

create table catalog.product_option (
    store_id   uuid   not null,
    id         uuid   not null,
    product_id uuid   not null,
    name       text   not null check (length(name) between 1 and 100),
    position   int    not null,
    option_values text[] not null,
    primary key (store_id, id),
    unique (store_id, product_id, position),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);

create table catalog.product_variant (
    store_id          uuid    not null,
    id                uuid    not null,
    product_id        uuid    not null,
    sku               text,
    title             text    not null,
    option_values     text[]  not null default '{}',
    price_minor       bigint  not null check (price_minor >= 0),
    compare_at_minor  bigint  check (compare_at_minor >= 0),
    currency_code     char(3) not null,
    weight_grams      int     check (weight_grams >= 0),
    requires_shipping boolean not null,
    taxable           boolean not null,
    position          int     not null,
    primary key (store_id, id),
    unique (store_id, sku),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);
create index product_variant_product on catalog.product_variant (store_id, product_id, position);

create table catalog.product_media (
    store_id   uuid not null,
    id         uuid not null,
    product_id uuid not null,
    variant_id uuid,
    url        text not null check (length(url) between 1 and 2048),
    alt        text,
    width      int check (width > 0),
    height     int check (height > 0),
    position   int  not null,
    primary key (store_id, id),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade,
    foreign key (store_id, variant_id) references catalog.product_variant (store_id, id) on delete set null (variant_id)
);
create index product_media_product on catalog.product_media (store_id, product_id, position);

create table catalog.collection (
    store_id    uuid        not null,
    id          uuid        not null,
    handle      text        not null check (handle ~ '^[a-z0-9]([a-z0-9-]{0,253}[a-z0-9])?$'),
    title       text        not null check (length(title) between 1 and 255),
    description text        not null default '',
    image_url   text,
    image_alt   text,
    created_at  timestamptz not null,
    primary key (store_id, id),
    unique (store_id, handle)
);

create table catalog.collection_product (
    store_id      uuid not null,
    collection_id uuid not null,
    product_id    uuid not null,
    position      int  not null,
    primary key (store_id, collection_id, product_id),
    foreign key (store_id, collection_id) references catalog.collection (store_id, id) on delete cascade,
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);
create index collection_product_position on catalog.collection_product (store_id, collection_id, position);
create index collection_product_product on catalog.collection_product (store_id, product_id);

alter table catalog.product enable row level security;
alter table catalog.product force row level security;
create policy product_isolation on catalog.product using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.product to ${app_role};

alter table catalog.product_option enable row level security;
alter table catalog.product_option force row level security;
create policy product_option_isolation on catalog.product_option using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.product_option to ${app_role};

alter table catalog.product_variant enable row level security;
alter table catalog.product_variant force row level security;
create policy product_variant_isolation on catalog.product_variant using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.product_variant to ${app_role};

alter table catalog.product_media enable row level security;
alter table catalog.product_media force row level security;
create policy product_media_isolation on catalog.product_media using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.product_media to ${app_role};

alter table catalog.collection enable row level security;
alter table catalog.collection force row level security;
create policy collection_isolation on catalog.collection using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.collection to ${app_role};

alter table catalog.collection_product enable row level security;
alter table catalog.collection_product force row level security;
create policy collection_product_isolation on catalog.collection_product using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.collection_product to ${app_role};
