-- checkoutComplete's idempotency keys: the first call with a key inserts its row in the order's
-- transaction (a concurrent call with the same key waits on it, then replays); the row remembers which
-- cart the key was used for (another cart is IDEMPOTENCY_KEY_MISMATCH) and the order it placed.
-- (The checkout schema and its grant come from V202611261510__checkout_discounts.)

create table checkout.completion (
    store_id        uuid        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    cart_id         uuid        not null,
    order_id        uuid        not null,
    -- The guest's order token, so that a replay answers it again (the order keeps only its hash).
    order_token     text,
    -- What the order's payment asks for, so that a replay can start the payment if the first call could not.
    total_minor     bigint,
    currency_code   char(3),
    created_at      timestamptz not null,
    primary key (store_id, idempotency_key)
);

alter table checkout.completion enable row level security;
alter table checkout.completion force row level security;
create policy completion_isolation on checkout.completion
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
grant select, insert, update on checkout.completion to ${app_role};
