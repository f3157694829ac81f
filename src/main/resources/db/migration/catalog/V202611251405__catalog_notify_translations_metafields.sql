-- The tables added next to the storefront cache's triggers (V202611251400) announce their changes too:
-- translations and storefront-visible metafields are part of cached storefront answers.
create trigger product_translation_notify after insert or update or delete on catalog.product_translation
    for each row execute function catalog.notify_storefront_change();
create trigger collection_translation_notify after insert or update or delete on catalog.collection_translation
    for each row execute function catalog.notify_storefront_change();
create trigger product_metafield_notify after insert or update or delete on catalog.product_metafield
    for each row execute function catalog.notify_storefront_change();
