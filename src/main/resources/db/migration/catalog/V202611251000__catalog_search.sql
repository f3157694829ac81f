-- Storefront search: a weighted full-text document per product, kept by PostgreSQL itself.
--
-- Text search configuration 'simple': lower-casing only, no stemming and no stop words. Stores sell in
-- many languages, and stemming breaks prefix (type-ahead) matching: with 'english', "running" is stored
-- as 'run', so the typed prefix "runni" would find nothing. With 'simple', every query term is a prefix
-- ("shi" finds "Shirt", "shirt" finds "Shirts"); the price is that "shirts" does not find "shirt".
-- No unaccent: it needs an extension outside the catalog schema (a follow-up if stores ask for it).
--
-- Weights (ts_rank's defaults A=1.0, B=0.4, C=0.2): title A; tags and vendor B; description C.

-- array_to_string is only STABLE (it may call type output functions); for text[] it is immutable in
-- fact, which a generated column needs.
create function catalog.search_tags(tags text[]) returns text
    language sql immutable parallel safe strict
    as $$ select array_to_string(tags, ' ') $$;

alter table catalog.product add column search_document tsvector generated always as (
    setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', catalog.search_tags(tags)), 'B')
    || setweight(to_tsvector('simple', vendor), 'B')
    || setweight(to_tsvector('simple', description), 'C')) stored;

-- Storefront searches (status = 'ACTIVE'); merchants' searches over every status scan their store's rows.
create index product_search on catalog.product using gin (search_document) where status = 'ACTIVE';
