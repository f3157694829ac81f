-- Store settings (name, currency, prices with tax) appear in storefront responses (shop, prices):
-- their changes reach the storefront response caches of every instance (docs/performance.md).
create or replace function store.notify_storefront_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('shopgraph_catalog', old.id::text);
    else
        perform pg_notify('shopgraph_catalog', new.id::text);
    end if;
    return null;
end
$$;

create trigger store_notify after insert or update or delete on store.store
    for each row execute function store.notify_storefront_change();
