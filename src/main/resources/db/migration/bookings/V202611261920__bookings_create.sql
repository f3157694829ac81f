-- The bookings module: time slots of SERVICE variants with a capacity, and the places orders hold in them.
-- Ids of other modules (variants, products, orders, order lines) are kept without foreign keys.
-- A slot's places are reserved like stock: one conditional update per slot (booked + q <= capacity), and
-- booked is always the sum of the quantities of the bookings that hold places. Operator check (no rows):
--   select s.store_id, s.id, s.booked, coalesce(sum(b.quantity) filter (where b.status in ('HELD', 'CONFIRMED')), 0) as held
--   from bookings.slot s left join bookings.booking b on b.store_id = s.store_id and b.slot_id = s.id
--   group by s.store_id, s.id, s.booked
--   having s.booked <> coalesce(sum(b.quantity) filter (where b.status in ('HELD', 'CONFIRMED')), 0);
create schema if not exists bookings;
grant usage on schema bookings to ${app_role};

create table bookings.slot (
    store_id         uuid        not null,
    id               uuid        not null,
    variant_id       uuid        not null,
    product_id       uuid        not null,
    starts_at        timestamptz not null,
    duration_minutes int         not null check (duration_minutes between 1 and 10080),
    capacity         int         not null check (capacity between 1 and 100000),
    booked           int         not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (store_id, id),
    unique (store_id, variant_id, starts_at),
    -- Backstops of the conditional updates: never below zero, never above capacity.
    check (booked >= 0 and booked <= capacity)
);

create table bookings.booking (
    store_id      uuid        not null,
    id            uuid        not null,
    order_id      uuid        not null,
    order_line_id uuid        not null,
    variant_id    uuid        not null,
    slot_id       uuid        not null,
    -- The places held (HELD, CONFIRMED); what was held when the booking stopped holding any (RELEASED, CANCELLED).
    quantity      int         not null check (quantity >= 0),
    status        text        not null check (status in ('HELD', 'CONFIRMED', 'RELEASED', 'CANCELLED')),
    -- Why places were let go of an order that reserved them again when paid late (REACQUIRE).
    released_by   text        check (released_by in ('ORDER', 'MERCHANT')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, slot_id) references bookings.slot (store_id, id)
);
create index booking_order on bookings.booking (store_id, order_id);
create index booking_line on bookings.booking (store_id, order_line_id);
create index booking_slot on bookings.booking (store_id, slot_id);

grant select, insert, update, delete on bookings.slot, bookings.booking to ${app_role};

alter table bookings.slot enable row level security;
alter table bookings.slot force row level security;
create policy slot_isolation on bookings.slot
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table bookings.booking enable row level security;
alter table bookings.booking force row level security;
create policy booking_isolation on bookings.booking
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

-- Remaining places are part of cached storefront product answers (ProductVariant.bookingSlots): every
-- bookings table announces its changes on the channel the response caches listen to.
create or replace function bookings.notify_storefront_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('shopgraph_catalog', old.store_id::text);
    else
        perform pg_notify('shopgraph_catalog', new.store_id::text);
    end if;
    return null;
end
$$;
create trigger slot_notify after insert or update or delete on bookings.slot
    for each row execute function bookings.notify_storefront_change();
create trigger booking_notify after insert or update or delete on bookings.booking
    for each row execute function bookings.notify_storefront_change();
