-- The discount codes a shopper entered, upper case, in entry order. The cart keeps them (they are cart state);
-- the checkout module decides what they are worth and whether they still apply.
alter table cart.cart add column discount_codes text[] not null default '{}'
    check (cardinality(discount_codes) <= 10);
