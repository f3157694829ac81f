-- A variant may require a deposit: checkout then charges only the deposit of its lines now, and the merchant
-- requests the balance later. PERCENTAGE: deposit_value in basis points (1..10000) of the line's total after
-- discounts, with its tax; FIXED: deposit_value in minor units per unit, capped at the line's total.
alter table catalog.product_variant
    add column deposit_kind  text   check (deposit_kind in ('PERCENTAGE', 'FIXED')),
    add column deposit_value bigint,
    add constraint product_variant_deposit check (
        (deposit_kind is null and deposit_value is null)
        or (deposit_kind = 'PERCENTAGE' and deposit_value between 1 and 10000)
        or (deposit_kind = 'FIXED' and deposit_value > 0));
