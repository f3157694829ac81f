-- Storefront response caches on every instance learn of catalog changes through this channel
-- (platform.cache.CatalogChangeListener, docs/performance.md). EVERY catalog table needs this trigger
-- (StorefrontCacheTest checks it): a table without it would leave other instances serving stale data
-- until the cache's max age. PostgreSQL folds identical notifications of one transaction into one.
create or replace function catalog.notify_storefront_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('shopgraph_catalog', old.store_id::text);
    else
        perform pg_notify('shopgraph_catalog', new.store_id::text);
    end if;
    return null;
end
$$;

create trigger product_notify after insert or update or delete on catalog.product
    for each row execute function catalog.notify_storefront_change();
create trigger product_option_notify after insert or update or delete on catalog.product_option
    for each row execute function catalog.notify_storefront_change();
create trigger product_variant_notify after insert or update or delete on catalog.product_variant
    for each row execute function catalog.notify_storefront_change();
create trigger product_media_notify after insert or update or delete on catalog.product_media
    for each row execute function catalog.notify_storefront_change();
create trigger collection_notify after insert or update or delete on catalog.collection
    for each row execute function catalog.notify_storefront_change();
create trigger collection_product_notify after insert or update or delete on catalog.collection_product
    for each row execute function catalog.notify_storefront_change();
