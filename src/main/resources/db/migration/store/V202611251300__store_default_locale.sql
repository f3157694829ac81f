-- The locale a store writes its catalogue in: the base texts of products and collections are in it,
-- and catalog translations cover the other locales. BCP 47 subset: language, optionally a region.
alter table store.store add column default_locale text not null default 'en'
    check (default_locale ~ '^[a-z]{2}(-[A-Z]{2})?$');
