-- A cart that became an order is COMPLETED: it no longer answers to its id (checkout locks it in the
-- order's transaction, so two checkouts of one cart cannot both place an order).
alter table cart.cart drop constraint cart_status_check;
alter table cart.cart add constraint cart_status_check check (status in ('OPEN', 'MERGED', 'EXPIRED', 'COMPLETED'));
