-- Counters per store and local day of the store's time zone (docs/analytics.md, "Time zones"): a report in the store's
-- own zone — the default — reads at most 366 rows a year (weeks and months grouped from them), whatever the offsets.
-- analytics.day_zone says which zone the rows are in; a refresh that finds another zone (the store moved) recomputes
-- them all from the quarter-hour rows.
create table analytics.rollup_day (
    store_id                uuid   not null,
    day                     date   not null,
    sessions                int    not null,
    carts_created           int    not null,
    carts_with_lines        int    not null,
    merged_carts_with_lines int    not null,
    carts_ordered           int    not null,
    checkouts_started       int    not null,
    orders                  int    not null,
    revenue_minor           bigint not null,
    refunds_minor           bigint not null,
    orders_cancelled        int    not null,
    primary key (store_id, day)
);

create table analytics.day_zone (
    store_id uuid not null primary key,
    zone     text not null
);

grant select, insert, update, delete on analytics.rollup_day, analytics.day_zone to ${app_role};
do $$
declare t text;
begin
    foreach t in array array['rollup_day', 'day_zone'] loop
        execute format('alter table analytics.%I enable row level security', t);
        execute format('alter table analytics.%I force row level security', t);
        execute format('create policy %I on analytics.%I using (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid) '
                || 'with check (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid)', t || '_isolation', t);
    end loop;
end $$;
