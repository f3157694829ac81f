-- The notifications module (docs/notifications.md): the mail queue. One row per mail; an order's event queues
-- its mails once (unique per event and kind), a merchant's resend adds a row. The rendered subject and bodies are
-- kept, so retries and resends send the same mail. Tenant table with forced RLS like every other.
create schema if not exists notifications;
grant usage on schema notifications to ${app_role};

create table notifications.message (
    store_id        uuid        not null,
    id              uuid        not null,
    order_id        uuid        not null,
    -- The outbox event that queued it; null for a resend.
    event_id        uuid,
    resend_of       uuid,
    kind            text        not null check (kind in ('ORDER_CONFIRMATION', 'MERCHANT_NEW_ORDER', 'PAYMENT_RECEIPT')),
    recipient       text        not null check (length(recipient) between 3 and 254),
    -- The template it was rendered from, e.g. order-confirmation.fr.
    template        text        not null,
    -- Whether the order was paid in full when the mail was rendered (a confirmation that says paid needs no receipt).
    order_paid      boolean     not null default false,
    subject         text        not null,
    body_text       text        not null,
    body_html       text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    -- Held by the sender that is sending it (a lease, not a transaction: SMTP runs outside any).
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    primary key (store_id, id),
    check ((event_id is null) <> (resend_of is null))
);
-- An event queues each of its mails once (the outbox consumer may run twice).
create unique index message_once on notifications.message (store_id, event_id, kind) where event_id is not null;
create index message_due on notifications.message (next_attempt_at) where status = 'PENDING';
create index message_by_order on notifications.message (store_id, order_id, created_at);

grant select, insert, update, delete on notifications.message to ${app_role};

-- As webhooks.delivery: the sender's scan (app.notifications_scan = 'on') may SELECT to learn which stores have
-- due mails; claims, sends and updates run bound to the store.
alter table notifications.message enable row level security;
alter table notifications.message force row level security;
create policy message_isolation on notifications.message
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
create policy message_scan on notifications.message for select
    using (current_setting('app.notifications_scan', true) = 'on');
