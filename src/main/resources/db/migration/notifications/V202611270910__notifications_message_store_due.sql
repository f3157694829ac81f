-- The sender's scan for stores with due mails walks the distinct stores of this index (platform DueStores), and its claim
-- reads one store's due mails from it in order; both grouped or filtered the whole queue through message_due before.
create index message_store_due on notifications.message (store_id, next_attempt_at) where status = 'PENDING';
drop index notifications.message_due;
