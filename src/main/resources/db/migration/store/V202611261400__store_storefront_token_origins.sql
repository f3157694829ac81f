-- A storefront token may be restricted to the browser origins of the merchant's sites (normalised
-- scheme://host[:port] entries, or https://*.example.com for sub-domains); empty: any origin.
-- Read by the token lookup together with the store, before the store is known (same RLS clause).
alter table store.storefront_token add column allowed_origins text[] not null default '{}';
