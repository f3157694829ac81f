-- The sender's scan for stores with due deliveries walks the distinct stores of this index (platform DueStores), and its
-- claim reads one store's due deliveries from it in order; both grouped or filtered the whole queue through delivery_due.
create index delivery_store_due on webhooks.delivery (store_id, next_attempt_at) where status = 'PENDING';
drop index webhooks.delivery_due;
