-- Translations of product and collection texts per locale (BCP 47 subset: language, optionally a region).
-- A null text is not translated: readers fall back (fr-CA -> fr -> the base text, in the store's default locale).
create table catalog.product_translation (
    store_id         uuid        not null,
    product_id       uuid        not null,
    locale           text        not null check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    title            text        check (length(title) between 1 and 255),
    description      text,
    description_html text,
    updated_at       timestamptz not null,
    primary key (store_id, product_id, locale),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);

create table catalog.collection_translation (
    store_id      uuid        not null,
    collection_id uuid        not null,
    locale        text        not null check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    title         text        check (length(title) between 1 and 255),
    description   text,
    updated_at    timestamptz not null,
    primary key (store_id, collection_id, locale),
    foreign key (store_id, collection_id) references catalog.collection (store_id, id) on delete cascade
);

alter table catalog.product_translation enable row level security;
alter table catalog.product_translation force row level security;
create policy product_translation_isolation on catalog.product_translation using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.product_translation to ${app_role};

alter table catalog.collection_translation enable row level security;
alter table catalog.collection_translation force row level security;
create policy collection_translation_isolation on catalog.collection_translation using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update, delete on catalog.collection_translation to ${app_role};
