-- Tax rates per country and optional region (ISO 3166-2 subdivision code without the country, e.g. 'QC'), and
-- the store's default rate (country '*'). Several rows for one destination add up (a country rate and a region
-- rate: e.g. GST + PST). Whether prices include tax is the store's setting (store.store.prices_include_tax).
create table checkout.tax_rate (
    store_id     uuid         not null,
    id           uuid         not null,
    country_code text         not null check (country_code = '*' or country_code ~ '^[A-Z]{2}$'),
    region_code  text         check (region_code ~ '^[A-Z0-9]{1,3}$'),
    title        text         not null check (length(title) between 1 and 64),
    rate         numeric(7,6) not null check (rate >= 0 and rate <= 1),
    created_at   timestamptz  not null,
    primary key (store_id, id)
);
create unique index tax_rate_destination on checkout.tax_rate (store_id, country_code, coalesce(region_code, ''), title);

grant select, insert, update, delete on checkout.tax_rate to ${app_role};

alter table checkout.tax_rate enable row level security;
alter table checkout.tax_rate force row level security;
create policy tax_rate_isolation on checkout.tax_rate
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
