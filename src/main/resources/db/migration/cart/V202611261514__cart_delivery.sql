-- The cart's shipping address and chosen delivery option (a shipping rate's id, as checkout's deliveryOptions
-- name it). Cart state: the checkout module decides what they cost.
alter table cart.cart
    add column ship_name        text check (length(ship_name) <= 255),
    add column ship_address1    text check (length(ship_address1) <= 255),
    add column ship_city        text check (length(ship_city) <= 255),
    add column ship_zip         text check (length(ship_zip) <= 32),
    add column ship_region      text check (length(ship_region) <= 3),
    add column ship_country     char(2),
    add column selected_delivery text check (length(selected_delivery) <= 128);
