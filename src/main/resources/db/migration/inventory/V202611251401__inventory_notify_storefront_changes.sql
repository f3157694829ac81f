-- Stock changes reach the storefront response caches of every instance (see the catalog migration
-- V202611251400 and docs/performance.md). EVERY inventory table needs this trigger.
create or replace function inventory.notify_storefront_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('shopgraph_catalog', old.store_id::text);
    else
        perform pg_notify('shopgraph_catalog', new.store_id::text);
    end if;
    return null;
end
$$;

create trigger stock_level_notify after insert or update or delete on inventory.stock_level
    for each row execute function inventory.notify_storefront_change();
