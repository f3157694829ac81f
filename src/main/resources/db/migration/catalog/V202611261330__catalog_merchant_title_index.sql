-- Merchant listings sorted by title see every status, so the storefront's partial index (ACTIVE only) cannot
-- serve them: without this one PostgreSQL sorted all of a store's products, featured image and options
-- included, for each page (about 20 ms of database CPU per 24-product page at 1,000 products).
create index product_title_any_status on catalog.product (store_id, lower(title), id);
