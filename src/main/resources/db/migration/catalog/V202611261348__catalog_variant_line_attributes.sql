-- Line attributes a variant asks for when it is added to a cart (engraving text, measurements of a
-- bespoke item): key, type, whether required, longest length and the allowed values.
create table catalog.variant_line_attribute (
    store_id       uuid    not null,
    variant_id     uuid    not null,
    position       int     not null,
    key            text    not null check (length(key) between 1 and 64),
    type           text    not null check (type in ('TEXT', 'NUMBER', 'CHOICE')),
    required       boolean not null,
    max_length     int     not null check (max_length between 1 and 1000),
    allowed_values text[]  not null default '{}',
    primary key (store_id, variant_id, position),
    unique (store_id, variant_id, key),
    foreign key (store_id, variant_id) references catalog.product_variant (store_id, id) on delete cascade
);

grant select, insert, update, delete on catalog.variant_line_attribute to ${app_role};
alter table catalog.variant_line_attribute enable row level security;
alter table catalog.variant_line_attribute force row level security;
create policy variant_line_attribute_isolation on catalog.variant_line_attribute
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid)
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

create trigger variant_line_attribute_notify after insert or update or delete on catalog.variant_line_attribute
    for each row execute function catalog.notify_storefront_change();
