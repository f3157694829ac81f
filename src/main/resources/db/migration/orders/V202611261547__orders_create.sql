-- The orders module: placed orders with their price snapshot, lines, timeline, fulfilments and refunds.
-- Every tenant table carries store_id with forced row-level security; rows of other modules (carts,
-- sessions, customers, variants, payments) are referred to by id without foreign keys.
create schema if not exists orders;
grant usage on schema orders to ${app_role};

-- The per-store order number: one row per store, bumped in the placing transaction (no duplicates; a
-- rolled-back checkout may leave a gap, which is allowed).
-- next_expiry: the earliest end of an unpaid order's reservation (set by the same statement); the expiry
-- job scans it across stores (a SELECT-only policy clause for a transaction that declared itself a scan).
create table orders.order_counter (
    store_id    uuid        not null primary key,
    last_number bigint      not null,
    next_expiry timestamptz
);
create index order_counter_expiry on orders.order_counter (next_expiry) where next_expiry is not null;

create table orders.sales_order (
    store_id          uuid        not null,
    id                uuid        not null,
    number            bigint      not null,
    status            text        not null check (status in ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_PAID', 'PARTIALLY_FULFILLED',
                                                             'FULFILLED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    -- sha-256 of the guest's secret order token (base64url): the token itself is never stored here.
    token_hash        text        not null,
    email             text        check (length(email) <= 254),
    currency_code     char(3)     not null,
    subtotal_minor    bigint      not null,
    discount_minor    bigint      not null,
    shipping_minor    bigint      not null,
    tax_minor         bigint      not null,
    total_minor       bigint      not null check (total_minor >= 0),
    paid_minor        bigint      not null default 0,
    refunded_minor    bigint      not null default 0,
    -- The pricing function's whole answer at checkout (whatever pricing adds travels with the order).
    pricing           jsonb       not null,
    shipping_address  jsonb,
    cart_id           uuid,
    session_id        uuid,
    customer_id       uuid,
    note              text        check (length(note) <= 5000),
    -- Where the order's stock is: RESERVED at checkout, COMMITTED when paid, RELEASED when cancelled or expired.
    stock_state       text        not null check (stock_state in ('RESERVED', 'COMMITTED', 'RELEASED')),
    reserved_until    timestamptz not null,
    fulfilled_units   int         not null default 0,
    total_units       int         not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    paid_at           timestamptz,
    cancelled_at      timestamptz,
    primary key (store_id, id),
    unique (store_id, number),
    unique (store_id, token_hash),
    -- Backstops: never more refunded than paid, never more fulfilled than ordered.
    check (refunded_minor >= 0 and refunded_minor <= paid_minor),
    check (fulfilled_units >= 0 and fulfilled_units <= total_units)
);
create index sales_order_created on orders.sales_order (store_id, created_at desc, id desc);
create index sales_order_customer on orders.sales_order (store_id, customer_id, created_at desc) where customer_id is not null;
create index sales_order_reserved on orders.sales_order (store_id, reserved_until) where stock_state = 'RESERVED';

create table orders.order_line (
    store_id           uuid    not null,
    id                 uuid    not null,
    order_id           uuid    not null,
    position           int     not null,
    variant_id         uuid    not null,
    product_id         uuid    not null,
    title              text    not null,
    variant_title      text,
    quantity           int     not null check (quantity > 0),
    unit_price_minor   bigint  not null,
    subtotal_minor     bigint  not null,
    discount_minor     bigint  not null,
    total_minor        bigint  not null,
    requires_shipping  boolean not null,
    attribute_keys     text[]  not null default '{}',
    attribute_values   text[]  not null default '{}',
    fulfilled_quantity int     not null default 0,
    refunded_quantity  int     not null default 0,
    primary key (store_id, id),
    foreign key (store_id, order_id) references orders.sales_order (store_id, id) on delete cascade,
    check (fulfilled_quantity between 0 and quantity),
    check (refunded_quantity between 0 and quantity)
);
create index order_line_order on orders.order_line (store_id, order_id, position);

create table orders.order_event (
    store_id   uuid        not null,
    id         uuid        not null,
    order_id   uuid        not null,
    kind       text        not null,
    message    text        not null,
    actor      text,
    created_at timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, order_id) references orders.sales_order (store_id, id) on delete cascade
);
create index order_event_order on orders.order_event (store_id, order_id, created_at);

create table orders.fulfillment (
    store_id         uuid        not null,
    id               uuid        not null,
    order_id         uuid        not null,
    tracking_company text        check (length(tracking_company) <= 100),
    tracking_number  text        check (length(tracking_number) <= 100),
    tracking_url     text        check (length(tracking_url) <= 2000),
    -- [{"lineId": ..., "quantity": n}]
    lines            jsonb       not null,
    created_at       timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, order_id) references orders.sales_order (store_id, id) on delete cascade
);
create index fulfillment_order on orders.fulfillment (store_id, order_id, created_at);

create table orders.refund (
    store_id          uuid        not null,
    id                uuid        not null,
    order_id          uuid        not null,
    -- The payments module's refund (null when nothing was paid back, e.g. a cancelled unpaid order).
    payment_refund_id uuid,
    amount_minor      bigint      not null check (amount_minor >= 0),
    restock           boolean     not null,
    lines             jsonb       not null,
    reason            text        check (length(reason) <= 500),
    created_at        timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, order_id) references orders.sales_order (store_id, id) on delete cascade
);
create index refund_order on orders.refund (store_id, order_id, created_at);

do $$
declare t text;
begin
    foreach t in array array['order_counter', 'sales_order', 'order_line', 'order_event', 'fulfillment', 'refund'] loop
        execute format('alter table orders.%I enable row level security', t);
        execute format('alter table orders.%I force row level security', t);
        execute format('create policy %I on orders.%I using (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid) '
            || 'with check (store_id = nullif(current_setting(''app.store_id'', true), '''')::uuid)', t || '_isolation', t);
        execute format('grant select, insert, update on orders.%I to ${app_role}', t);
    end loop;
end
$$;
create policy order_counter_scan on orders.order_counter for select using (current_setting('app.orders_scan', true) = 'on');
