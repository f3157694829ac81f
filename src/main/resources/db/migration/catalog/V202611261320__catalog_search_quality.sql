-- Search quality: accent folding, stemming in the store's language together with type-ahead prefixes,
-- typo tolerance, and translated texts that are searchable in their locale.
--
-- pg_trgm, unaccent and fuzzystrmatch ship with the embedded PostgreSQL (zonky 17) and with every standard PostgreSQL
-- distribution (contrib). Both are "trusted" extensions since PostgreSQL 13, so the owner of the database
-- (the Flyway role, not a superuser) may create them. They go into the catalog schema, and every use
-- below is schema-qualified, so the application's search_path plays no part.
create extension if not exists unaccent with schema catalog;
create extension if not exists pg_trgm with schema catalog;
create extension if not exists fuzzystrmatch with schema catalog;

-- The document is language-neutral: lower-cased and accent-folded words ('Crème' is stored as 'creme').
-- Stemming happens on the query side (catalog.search_query): a query word matches as a prefix in its
-- typed form and in its stemmed form, so "shirts" (stem 'shirt') finds "Shirt" while "runni" still
-- finds "Running". One document therefore serves every store language and every translation.
create text search configuration catalog.search_simple (copy = pg_catalog.simple);
alter text search configuration catalog.search_simple
    alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part with catalog.unaccent, simple;

-- Stemming configurations per language, accent-folding first (the snowball stemmers of PostgreSQL).
do $$
declare
    lang text;
begin
    foreach lang in array array['danish', 'dutch', 'english', 'finnish', 'french', 'german', 'hungarian', 'italian',
            'norwegian', 'portuguese', 'romanian', 'russian', 'spanish', 'swedish', 'turkish'] loop
        execute format('create text search configuration catalog.search_%s (copy = pg_catalog.%s)', lang, lang);
        execute format('alter text search configuration catalog.search_%s alter mapping for asciiword, asciihword, '
            || 'hword_asciipart, word, hword, hword_part with catalog.unaccent, %s_stem', lang, lang);
    end loop;
end $$;

-- The stemming configuration for a locale's language ('fr-CA' -> French); catalog.search_simple when
-- PostgreSQL has no stemmer for it.
create function catalog.search_config(locale text) returns regconfig
    language sql immutable parallel safe
    as $$ select (case left(coalesce(locale, ''), 2)
        when 'da' then 'catalog.search_danish' when 'nl' then 'catalog.search_dutch'
        when 'en' then 'catalog.search_english' when 'fi' then 'catalog.search_finnish'
        when 'fr' then 'catalog.search_french' when 'de' then 'catalog.search_german'
        when 'hu' then 'catalog.search_hungarian' when 'it' then 'catalog.search_italian'
        when 'nb' then 'catalog.search_norwegian' when 'no' then 'catalog.search_norwegian'
        when 'nn' then 'catalog.search_norwegian' when 'pt' then 'catalog.search_portuguese'
        when 'ro' then 'catalog.search_romanian' when 'ru' then 'catalog.search_russian'
        when 'es' then 'catalog.search_spanish' when 'sv' then 'catalog.search_swedish'
        when 'tr' then 'catalog.search_turkish' else 'catalog.search_simple' end)::regconfig $$;

-- Lower-cased and accent-folded text, for trigram comparisons (unaccent itself is only STABLE because
-- its rules file could change; ours never does).
create function catalog.search_fold(t text) returns text
    language sql immutable parallel safe strict
    as $$ select catalog.unaccent('catalog.unaccent'::regdictionary, lower(t)) $$;

-- The tsquery of a shopper's words. `terms` comes from the application (SearchText): words of letters,
-- digits and combining marks separated by single spaces, a trailing '*' marking a prefix word. Each word
-- matches in its typed (folded) form and in its stemmed form in `cfg`; the words combine with AND.
-- Words a configuration drops (stop words) are checked with to_tsvector first, so to_tsquery never
-- meets an empty input (it would raise a NOTICE); a word nothing is left of is skipped.
create function catalog.search_query(cfg regconfig, terms text) returns tsquery
    language plpgsql immutable strict parallel safe
    as $$
declare
    result tsquery;
    part tsquery;
    word text;
    suffix text;
begin
    foreach word in array string_to_array(terms, ' ') loop
        suffix := '';
        if right(word, 1) = '*' then
            word := left(word, -1);
            suffix := ':*';
        end if;
        if word = '' or to_tsvector('catalog.search_simple', word) = ''::tsvector then
            continue;
        end if;
        part := to_tsquery('catalog.search_simple', word || suffix);
        if to_tsvector(cfg, word) <> ''::tsvector then
            part := part || to_tsquery(cfg, word || suffix);
        end if;
        result := case when result is null then part else result && part end;
    end loop;
    -- Null when no word is left (an empty tsquery would raise a NOTICE): nothing matches.
    return result;
end $$;

-- The product's document, now folded (see above). Weights as before: title A, tags and vendor B,
-- description C.
drop index catalog.product_search;
alter table catalog.product drop column search_document;
alter table catalog.product add column search_document tsvector generated always as (
    setweight(to_tsvector('catalog.search_simple', title), 'A')
    || setweight(to_tsvector('catalog.search_simple', catalog.search_tags(tags)), 'B')
    || setweight(to_tsvector('catalog.search_simple', vendor), 'B')
    || setweight(to_tsvector('catalog.search_simple', description), 'C')) stored;
create index product_search on catalog.product using gin (search_document) where status = 'ACTIVE';

-- Translated texts are searched in their locale: the same document over the translation's texts.
alter table catalog.product_translation add column search_document tsvector generated always as (
    setweight(to_tsvector('catalog.search_simple', coalesce(title, '')), 'A')
    || setweight(to_tsvector('catalog.search_simple', coalesce(description, '')), 'C')) stored;
create index product_translation_search on catalog.product_translation using gin (search_document);

-- Typo tolerance compares the folded title by trigrams (only when the words match nothing; see
-- SearchText), and ranks those matches by edit distance (fuzzystrmatch's levenshtein: trigrams cannot
-- tell "shrit" from "shirt" and "shoes"). An expression index keeps the fallback affordable in large stores.
create index product_title_trgm on catalog.product using gin (catalog.search_fold(title) catalog.gin_trgm_ops)
    where status = 'ACTIVE';

grant usage on schema catalog to ${app_role};
