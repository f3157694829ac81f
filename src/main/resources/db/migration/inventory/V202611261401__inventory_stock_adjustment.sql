-- Every inventoryAdjustQuantities line, with its reason and who made it: the one write path for
-- relative stock changes, shaped so that it can become the stock ledger (on hand = sum of rows).
create table inventory.stock_adjustment (
    store_id      uuid        not null,
    id            uuid        not null,
    variant_id    uuid        not null,
    delta         int         not null check (delta <> 0),
    on_hand_after int         not null,
    reason        text        not null check (reason in ('RECEIVED', 'RESTOCK', 'CORRECTION', 'CYCLE_COUNT', 'DAMAGED',
                                                          'SHRINKAGE', 'PROMOTION', 'OTHER')),
    note          text        check (length(note) <= 500),
    actor         text        not null,
    created_at    timestamptz not null,
    primary key (store_id, id)
);
create index stock_adjustment_variant on inventory.stock_adjustment (store_id, variant_id, created_at);

alter table inventory.stock_adjustment enable row level security;
alter table inventory.stock_adjustment force row level security;
create policy stock_adjustment_isolation on inventory.stock_adjustment
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert on inventory.stock_adjustment to ${app_role};

-- Every inventory table announces its changes (V202611251401); adjustments change no storefront answer
-- by themselves (the stock_level update beside them does), but the rule has no exceptions.
create trigger stock_adjustment_notify after insert or update or delete on inventory.stock_adjustment
    for each row execute function inventory.notify_storefront_change();
