-- Shop settings a merchant edits (shopUpdate): the contact address shown to customers, the locales the
-- storefront offers besides the default one, and the store's policies as plain text.
alter table store.store
    add column contact_email    text check (length(contact_email) <= 254),
    add column enabled_locales  text[] not null default '{}',
    add column refund_policy    text not null default '' check (length(refund_policy) <= 65535),
    add column privacy_policy   text not null default '' check (length(privacy_policy) <= 65535),
    add column shipping_policy  text not null default '' check (length(shipping_policy) <= 65535),
    add column terms_of_service text not null default '' check (length(terms_of_service) <= 65535);
