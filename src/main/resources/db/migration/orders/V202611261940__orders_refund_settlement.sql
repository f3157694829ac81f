-- Refunds paid back through a provider that is called outside the order's transaction (Stripe) are claimed
-- first (PENDING: their amount counts against what is left to refund), then settled: SUCCEEDED (the order's
-- refunded total grows) or FAILED (the claim is released, nothing was paid back). Rows written before this
-- migration were all settled at once.
alter table orders.refund add column status text not null default 'SUCCEEDED'
    check (status in ('PENDING', 'SUCCEEDED', 'FAILED'));
-- A pending refund of an orderCancel: the order is cancelled when it succeeds.
alter table orders.refund add column cancels_order boolean not null default false;
-- One order refund per payment refund: a refund made in Stripe's dashboard is recorded once, however often
-- its event arrives, and never a second time for a refund we initiated.
create unique index refund_payment_refund on orders.refund (store_id, payment_refund_id) where payment_refund_id is not null;
create index refund_pending on orders.refund (store_id, order_id) where status = 'PENDING';
