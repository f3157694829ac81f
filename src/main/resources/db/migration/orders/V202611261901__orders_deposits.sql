-- Deposits: an order may be paid in two steps. deposit_minor is what checkout charged first (null when the order
-- was paid in full at checkout); its stock commits once that much is paid. The merchant later requests the balance
-- (one balance_request per order, with the shopper's payment link) or waives it (waived_minor: the order then
-- counts as paid at total - waived).
alter table orders.sales_order
    add column deposit_minor bigint check (deposit_minor >= 0),
    add column waived_minor  bigint not null default 0 check (waived_minor >= 0),
    add constraint sales_order_deposit check (deposit_minor is null or deposit_minor <= total_minor),
    add constraint sales_order_waived check (waived_minor <= total_minor);

create table orders.balance_request (
    store_id        uuid        not null,
    id              uuid        not null,
    order_id        uuid        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    amount_minor    bigint      not null check (amount_minor > 0),
    currency_code   char(3)     not null,
    -- The shopper's payment link token ("opl_<store>_<256 random bits>"), shown to the merchant whenever they
    -- look (they hand it to the shopper). Kept readable because it only lets someone pay this balance; its hash is
    -- what the link looks up.
    link_token      text        not null,
    link_token_hash text        not null,
    payment_id      uuid,
    created_at      timestamptz not null,
    primary key (store_id, id),
    unique (store_id, order_id),
    unique (store_id, link_token_hash),
    foreign key (store_id, order_id) references orders.sales_order (store_id, id) on delete cascade
);

alter table orders.balance_request enable row level security;
alter table orders.balance_request force row level security;
create policy balance_request_isolation on orders.balance_request
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update on orders.balance_request to ${app_role};
