-- An order takes its number as the last statement of the placing transaction (OrdersApi.place): the store's
-- counter row is locked from its update to commit, and every other checkout of the store waits for it, so the
-- order is inserted without a number and numbered just before commit. A committed order always has one: a
-- deferred constraint trigger checks it at commit (inside the transaction the number may still be missing).
alter table orders.sales_order alter column number drop not null;

create function orders.require_number() returns trigger language plpgsql as $$
begin
    if exists (select 1 from orders.sales_order o where o.store_id = new.store_id and o.id = new.id and o.number is null) then
        raise exception 'order % has no number', new.id using errcode = 'not_null_violation';
    end if;
    return null;
end
$$;

create constraint trigger sales_order_numbered after insert on orders.sales_order
    deferrable initially deferred for each row execute function orders.require_number();
