-- The payments module: payments (one per attempt to collect an amount for a caller's reference, e.g. an
-- order), their refunds, each store's Stripe account (secrets encrypted by the application, AES-GCM) and
-- the Stripe events already applied (webhook de-duplication). Every table carries store_id and has
-- forced row-level security; none announces storefront changes (payments never touch the response cache).
create schema if not exists payments;
grant usage on schema payments to ${app_role};

create table payments.payment (
    store_id           uuid        not null,
    id                 uuid        not null,
    reference_id       uuid        not null,
    provider           text        not null check (provider in ('MANUAL', 'STRIPE')),
    status             text        not null check (status in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED')),
    amount_minor       bigint      not null check (amount_minor > 0),
    captured_minor     bigint      not null default 0,
    refunded_minor     bigint      not null default 0,
    currency_code      char(3)     not null,
    -- The caller's idempotency key (also Stripe's for creating the PaymentIntent); one payment per key and store.
    idempotency_key    text        not null check (length(idempotency_key) between 1 and 200),
    description        text        check (length(description) <= 1000),
    provider_reference text,        -- the PaymentIntent id
    client_secret_enc  text,        -- the PaymentIntent's client secret, encrypted like the Stripe keys
    failure_reason     text        check (length(failure_reason) <= 500),
    dispute_status     text        check (length(dispute_status) <= 64),
    -- The provider-side time of the last event applied to the status: an older non-final event arriving
    -- late is ignored, so every arrival order converges to the same status.
    provider_event_at  timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (store_id, id),
    unique (store_id, idempotency_key),
    -- The database backstop of the refund rule: never refund more than was captured, never capture more than the amount.
    check (captured_minor between 0 and amount_minor),
    check (refunded_minor between 0 and captured_minor)
);
create index payment_reference on payments.payment (store_id, reference_id, created_at);
create unique index payment_provider_reference on payments.payment (store_id, provider_reference) where provider_reference is not null;
-- The reconciler's work list: Stripe payments not final yet, oldest first.
create index payment_unsettled on payments.payment (updated_at) where provider = 'STRIPE' and status in ('PENDING', 'PROCESSING');

create table payments.refund (
    store_id           uuid        not null,
    id                 uuid        not null,
    payment_id         uuid        not null,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency_code      char(3)     not null,
    -- PENDING while Stripe is being asked (its amount is already held against the payment), SUCCEEDED, or
    -- FAILED (the amount is released again).
    status             text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    idempotency_key    text        not null check (length(idempotency_key) between 1 and 200),
    reason             text        check (length(reason) <= 500),
    provider_reference text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (store_id, id),
    unique (store_id, idempotency_key),
    foreign key (store_id, payment_id) references payments.payment (store_id, id)
);
create index refund_payment on payments.refund (store_id, payment_id, created_at);

create table payments.stripe_account (
    store_id            uuid        primary key,
    publishable_key     text        not null check (length(publishable_key) <= 255),
    -- AES-GCM ciphertexts "v<key version>:<base64 nonce+ciphertext>"; the key comes from configuration.
    secret_key_enc      text        not null,
    -- Several webhook signing secrets at once, so a secret can be rotated without losing deliveries.
    webhook_secrets_enc text[]      not null,
    connected_at        timestamptz not null,
    updated_at          timestamptz not null
);

create table payments.stripe_event (
    store_id    uuid        not null,
    event_id    text        not null check (length(event_id) <= 255),
    type        text        not null check (length(type) <= 100),
    received_at timestamptz not null,
    primary key (store_id, event_id)
);

grant select, insert, update, delete on payments.payment, payments.refund, payments.stripe_account, payments.stripe_event
    to ${app_role};

alter table payments.payment enable row level security;
alter table payments.payment force row level security;
create policy payment_isolation on payments.payment
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
-- The reconciler's scan reads which stores have unsettled Stripe payments, in a transaction that declared
-- itself a scan (app.payments_scan = 'on'): SELECT only, never a write; its work runs bound to each store.
create policy payment_scan on payments.payment for select
    using (current_setting('app.payments_scan', true) = 'on');

alter table payments.refund enable row level security;
alter table payments.refund force row level security;
create policy refund_isolation on payments.refund
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table payments.stripe_account enable row level security;
alter table payments.stripe_account force row level security;
create policy stripe_account_isolation on payments.stripe_account
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

alter table payments.stripe_event enable row level security;
alter table payments.stripe_event force row level security;
create policy stripe_event_isolation on payments.stripe_event
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
