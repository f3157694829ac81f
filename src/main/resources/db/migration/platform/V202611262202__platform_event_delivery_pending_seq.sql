-- The dispatcher claims a store's due deliveries in seq order ("order by d.seq limit n"); without an index in that
-- order each claim sorted all of the store's pending deliveries, so a backlog (a burst of checkouts) made every claim
-- slower while the dispatcher was trying to catch up.
create index event_delivery_pending_seq on platform.event_delivery (store_id, seq) where status = 'PENDING';
