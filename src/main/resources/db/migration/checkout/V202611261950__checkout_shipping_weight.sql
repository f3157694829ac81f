-- Shipping rates by weight range (docs/pricing.md): WEIGHT rates apply when the shippable weight in grams is in
-- [min_weight_grams, max_weight_grams); null = open.
alter table checkout.shipping_rate drop constraint shipping_rate_kind_check;
alter table checkout.shipping_rate add constraint shipping_rate_kind_check check (kind in ('FLAT', 'SUBTOTAL', 'WEIGHT', 'PICKUP'));
alter table checkout.shipping_rate add column min_weight_grams bigint check (min_weight_grams >= 0);
alter table checkout.shipping_rate add column max_weight_grams bigint check (max_weight_grams > 0);
