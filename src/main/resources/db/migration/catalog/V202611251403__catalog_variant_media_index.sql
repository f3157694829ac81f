-- A variant's image is looked up by (store, variant): without this index every variant of a listing
-- scanned all of the store's media, which made listings grow with the catalogue (measured: a 100,000
-- product store answered the 24-product listing in seconds instead of milliseconds).
create index product_media_variant on catalog.product_media (store_id, variant_id, position) where variant_id is not null;
