-- The stock ledger: every movement of a variant's stock is one row, and the stock level is the running
-- sum of its rows (on_hand = sum(on_hand_delta), reserved = sum(reserved_delta)). The stock_level row
-- stays as the place where a movement is checked and serialised (conditional update, row lock); the
-- ledger row is written in the same statement. Operator check (must return no rows):
--   select l.store_id, l.variant_id, l.on_hand, l.reserved, coalesce(sum(m.on_hand_delta), 0) as ledger_on_hand,
--          coalesce(sum(m.reserved_delta), 0) as ledger_reserved
--   from inventory.stock_level l left join inventory.stock_movement m on m.store_id = l.store_id and m.variant_id = l.variant_id
--   group by l.store_id, l.variant_id, l.on_hand, l.reserved
--   having l.on_hand <> coalesce(sum(m.on_hand_delta), 0) or l.reserved <> coalesce(sum(m.reserved_delta), 0);
alter table inventory.stock_level add column reserved int not null default 0;
-- Backstop: a reservation can never be released or committed twice below zero.
alter table inventory.stock_level add constraint stock_level_reserved_not_negative check (reserved >= 0);

create table inventory.stock_movement (
    store_id       uuid        not null,
    id             uuid        not null,
    variant_id     uuid        not null,
    kind           text        not null check (kind in ('OPENING', 'INITIAL', 'SET', 'ADJUST', 'RESERVE', 'RELEASE', 'COMMIT', 'RESTOCK')),
    on_hand_delta  int         not null,
    reserved_delta int         not null,
    -- What caused it: the order of a reservation, release, commit or restock; null for merchant changes.
    reference_id   uuid,
    created_at     timestamptz not null,
    primary key (store_id, id),
    check (on_hand_delta <> 0 or reserved_delta <> 0)
);
create index stock_movement_variant on inventory.stock_movement (store_id, variant_id);
create index stock_movement_reference on inventory.stock_movement (store_id, reference_id) where reference_id is not null;

alter table inventory.stock_movement enable row level security;
alter table inventory.stock_movement force row level security;
create policy stock_movement_isolation on inventory.stock_movement
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert on inventory.stock_movement to ${app_role};

-- The stock on hand before the ledger existed opens it.
insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, reserved_delta, created_at)
select store_id, gen_random_uuid(), variant_id, 'OPENING', on_hand, 0, now() from inventory.stock_level where on_hand <> 0;

-- Every inventory table announces its changes (V202611251401): no exceptions.
create trigger stock_movement_notify after insert or update or delete on inventory.stock_movement
    for each row execute function inventory.notify_storefront_change();
