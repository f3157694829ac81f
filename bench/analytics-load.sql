-- A year of a busy store's analytics facts, written straight into the analytics tables with generate_series
-- (not through the API, not through the outbox), then rolled up with the same definitions as
-- io.shopgraph.analytics.application.Rollups (docs/analytics.md). Run as the database superuser:
--   psql -v store=<store uuid> -v sessions=1000000 -f bench/analytics-load.sql
-- Deterministic: every value derives from the row number. Shape per session: 3 product views of 200
-- products; 40 % create a cart, 90 % of those get 1-3 lines; 40 % of carts with lines start a checkout,
-- 3 steps with drop-off; 70 % of finished checkouts order; 5 referrers, 8 landing pages, 4 campaigns.
\set ON_ERROR_STOP on
\timing on
begin;
delete from analytics.session where store_id = :'store';
delete from analytics.cart where store_id = :'store';
delete from analytics.cart_line where store_id = :'store';
delete from analytics.line_add where store_id = :'store';
delete from analytics.product_view where store_id = :'store';
delete from analytics.checkout where store_id = :'store';
delete from analytics.checkout_step where store_id = :'store';
delete from analytics.orders where store_id = :'store';
delete from analytics.order_line where store_id = :'store';
delete from analytics.rollup where store_id = :'store';
delete from analytics.rollup_hour where store_id = :'store';
delete from analytics.top_item where store_id = :'store';
delete from analytics.dirty_bucket where store_id = :'store';
delete from analytics.refund where store_id = :'store';
delete from analytics.rollup_day where store_id = :'store';
delete from analytics.day_zone where store_id = :'store';
delete from analytics.fact_horizon where store_id = :'store';

create temporary table g on commit drop as
select i, md5('s' || i)::uuid sid, md5('c' || i)::uuid cid, md5('k' || i)::uuid kid, md5('o' || i)::uuid oid,
       now() - interval '365 days' + (i::float8 / :sessions) * interval '365 days' + ((i::bigint * 7919) % 600) * interval '1 second' t0
from generate_series(1, :sessions) i;

insert into analytics.session (store_id, id, started_at, landing_path, referrer_host, utm_source, utm_medium, utm_campaign)
select :'store', sid, t0, '/page-' || (i % 8), case when i % 6 = 0 then null else 'ref' || (i % 5) || '.example' end,
       case when i % 4 = 0 then 'mail' end, case when i % 4 = 0 then 'mail' end, case when i % 4 = 0 then 'campaign-' || (i % 16 / 4) end
from g;
insert into analytics.product_view (store_id, event_id, session_id, product_id, viewed_at)
select :'store', md5('v' || i || '-' || v)::uuid, sid, md5('p' || ((i * 31 + v * 17) % 200))::uuid, t0 + v * interval '40 seconds'
from g, generate_series(1, 3) v;
insert into analytics.cart (store_id, id, session_id, created_at, currency_code, first_line_at, last_line_at, line_count, email)
select :'store', cid, sid, t0 + interval '3 minutes', 'EUR',
       case when i % 10 <> 0 then t0 + interval '4 minutes' end, case when i % 10 <> 0 then t0 + interval '6 minutes' end,
       case when i % 10 <> 0 then 1 + i % 3 else 0 end, case when i % 3 = 0 then 'shopper' || i || '@example.com' end
from g where i % 5 < 2;
insert into analytics.cart_line (store_id, cart_id, line_id, variant_id, product_id, quantity, unit_price_minor, currency_code)
select :'store', cid, md5('l' || i || '-' || l)::uuid, md5('var' || ((i + l) % 200))::uuid, md5('p' || ((i + l) % 200))::uuid, 1 + l % 2,
       500 + ((i + l) % 200) * 10, 'EUR'
from g, generate_series(1, 3) l where i % 5 < 2 and i % 10 <> 0 and l <= 1 + i % 3;
insert into analytics.line_add (store_id, event_id, cart_id, product_id, quantity, added_at)
select :'store', md5('a' || cart_id || line_id)::uuid, cart_id, product_id, quantity, c.first_line_at
from analytics.cart_line l join analytics.cart c on c.store_id = l.store_id and c.id = l.cart_id where l.store_id = :'store';
insert into analytics.checkout (store_id, id, cart_id, session_id, started_at)
select :'store', kid, cid, sid, t0 + interval '8 minutes' from g where i % 5 < 2 and i % 10 <> 0 and i % 5 = 1;
insert into analytics.checkout_step (store_id, checkout_id, step_index, step, completed_at)
select :'store', kid, s, (array['CONTACT', 'SHIPPING', 'PAYMENT'])[s], t0 + (8 + s) * interval '1 minute'
from g, generate_series(1, 3) s where i % 5 = 1 and i % 10 <> 0 and s <= 1 + (i / 5) % 3;
insert into analytics.orders (store_id, id, cart_id, session_id, placed_at, currency_code, total_minor)
select :'store', oid, cid, sid, t0 + interval '12 minutes', 'EUR', 1500 + (i % 97) * 100
from g where i % 5 = 1 and i % 10 <> 0 and (i / 5) % 3 = 2 and i % 10 < 8;
insert into analytics.order_line (store_id, order_id, position, variant_id, product_id, quantity, total_minor)
select :'store', o.id, row_number() over (partition by o.id order by l.line_id) - 1, l.variant_id, l.product_id, l.quantity,
       l.quantity * l.unit_price_minor
from analytics.orders o join analytics.cart_line l on l.store_id = o.store_id and l.cart_id = o.cart_id where o.store_id = :'store';

-- Rollups: the same figures Rollups.refresh computes per quarter-hour, here for the whole year at once.
insert into analytics.rollup (store_id, bucket, sessions, carts_created, carts_with_lines, merged_carts_with_lines, carts_ordered,
    checkouts_started, orders, revenue_minor)
select :'store', bucket, sum(sessions), sum(carts_created), sum(carts_with_lines), 0, sum(carts_ordered), sum(checkouts), sum(orders), sum(revenue)
from (
    select analytics.quarter(started_at) bucket, 1 sessions, 0 carts_created, 0 carts_with_lines, 0 carts_ordered, 0 checkouts, 0 orders, 0 revenue
    from analytics.session where store_id = :'store'
    union all select analytics.quarter(created_at), 0, 1, 0, 0, 0, 0, 0 from analytics.cart where store_id = :'store'
    union all select analytics.quarter(first_line_at), 0, 0, 1, case when exists (select 1 from analytics.orders o where o.store_id = c.store_id
        and o.cart_id = c.id and o.placed_at <= c.last_line_at + interval '24 hours') then 1 else 0 end, 0, 0, 0
        from analytics.cart c where store_id = :'store' and first_line_at is not null
    union all select analytics.quarter(started_at), 0, 0, 0, 0, 1, 0, 0 from analytics.checkout where store_id = :'store'
    union all select analytics.quarter(placed_at), 0, 0, 0, 0, 0, 1, total_minor from analytics.orders where store_id = :'store'
) x group by bucket;
insert into analytics.top_item (store_id, level, kind, bucket, key, views, adds, purchases, sessions)
select :'store', 'Q', kind, bucket, key, sum(views), sum(adds), sum(purchases), sum(sessions) from (
    select analytics.quarter(viewed_at) bucket, 'PRODUCT' kind, product_id::text key, 1 views, 0 adds, 0 purchases, 0 sessions
    from analytics.product_view where store_id = :'store'
    union all select analytics.quarter(added_at), 'PRODUCT', product_id::text, 0, quantity, 0, 0 from analytics.line_add where store_id = :'store'
    union all select analytics.quarter(o.placed_at), 'PRODUCT', l.product_id::text, 0, 0, l.quantity, 0 from analytics.orders o
        join analytics.order_line l on l.store_id = o.store_id and l.order_id = o.id where o.store_id = :'store'
    union all select analytics.quarter(started_at), 'REFERRER', coalesce(referrer_host, '(direct)'), 0, 0, 0, 1 from analytics.session where store_id = :'store'
    union all select analytics.quarter(started_at), 'LANDING_PAGE', coalesce(landing_path, '(unknown)'), 0, 0, 0, 1 from analytics.session where store_id = :'store'
    union all select analytics.quarter(started_at), 'CAMPAIGN', utm_campaign, 0, 0, 0, 1 from analytics.session where store_id = :'store' and utm_campaign is not null
    union all select analytics.quarter(c.started_at), 'CHECKOUT_STEP', lpad(s.step_index::text, 3, '0') || ':' || s.step, 0, 0, 0, 1
        from analytics.checkout c join analytics.checkout_step s on s.store_id = c.store_id and s.checkout_id = c.id where c.store_id = :'store'
) x group by kind, bucket, key;
insert into analytics.top_item (store_id, level, kind, bucket, key, views, adds, purchases, sessions)
select :'store', 'D', kind, date_trunc('day', bucket, 'UTC'), key, sum(views), sum(adds), sum(purchases), sum(sessions)
from analytics.top_item where store_id = :'store' and level = 'Q' group by kind, date_trunc('day', bucket, 'UTC'), key;
insert into analytics.top_item (store_id, level, kind, bucket, key, views, adds, purchases, sessions)
select :'store', 'M', kind, date_trunc('month', bucket, 'UTC'), key, sum(views), sum(adds), sum(purchases), sum(sessions)
from analytics.top_item where store_id = :'store' and level = 'D' group by kind, date_trunc('month', bucket, 'UTC'), key;
insert into analytics.rollup_hour (store_id, bucket, sessions, carts_created, carts_with_lines, merged_carts_with_lines, carts_ordered,
    checkouts_started, orders, revenue_minor)
select :'store', date_trunc('hour', bucket, 'UTC'), sum(sessions), sum(carts_created), sum(carts_with_lines), sum(merged_carts_with_lines),
       sum(carts_ordered), sum(checkouts_started), sum(orders), sum(revenue_minor)
from analytics.rollup where store_id = :'store' group by date_trunc('hour', bucket, 'UTC');
commit;
-- The steady state of a store with a year behind it: autovacuum has long since set the visibility map (without it,
-- every index-only scan of the top lists visits the heap as well). The day rows of the store's zone are not loaded:
-- the first storeAnalytics computes them from the quarter-hour rows (the path a change of time zone takes).
vacuum analyze analytics.rollup;
vacuum analyze analytics.rollup_hour;
vacuum analyze analytics.top_item;
vacuum analyze analytics.cart;
vacuum analyze analytics.orders;
select (select count(*) from analytics.session where store_id = :'store') sessions,
       (select count(*) from analytics.orders where store_id = :'store') orders,
       (select count(*) from analytics.rollup where store_id = :'store') rollup_rows,
       (select count(*) from analytics.top_item where store_id = :'store') top_rows;
