-- The dispatcher's scan for stores with due deliveries walks the distinct stores of this index and reads each one's
-- earliest due delivery from it (EventDispatcher.DUE_STORES). It replaces the index on next_attempt_at alone, which
-- only the old scan used (and which the planner stopped using once the backlog grew: it grouped every pending row).
create index event_delivery_store_due on platform.event_delivery (store_id, next_attempt_at) where status = 'PENDING';
drop index platform.event_delivery_due;
