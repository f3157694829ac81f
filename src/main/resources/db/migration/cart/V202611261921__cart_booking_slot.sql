-- A service line carries the time slot the shopper chose (the bookings module's slot id, without a foreign
-- key); lines of one variant with different slots are different lines.
alter table cart.cart_line add column booking_slot_id uuid;
