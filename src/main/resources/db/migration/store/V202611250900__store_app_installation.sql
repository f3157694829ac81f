-- Partner apps installed in a store: an OIDC client id with the scopes the owner granted it.
create table store.app_installation (
    store_id       uuid        not null references store.store (id),
    id             uuid        not null,
    client_id      text        not null check (length(client_id) between 1 and 255),
    scopes         text[]      not null,
    installed_at   timestamptz not null,
    uninstalled_at timestamptz,
    primary key (store_id, id)
);
-- One live installation of an app per store; an uninstalled one stays as history.
create unique index app_installation_live on store.app_installation (store_id, client_id) where uninstalled_at is null;
create index app_installation_client on store.app_installation (client_id) where uninstalled_at is null;
grant select, insert, update, delete on store.app_installation to ${app_role};

-- Like staff_member: visible to the transaction's store, or (before any store is known) to a
-- credential lookup that declared this exact client id in app.principal_client_id.
alter table store.app_installation enable row level security;
alter table store.app_installation force row level security;
create policy app_installation_isolation on store.app_installation
    using (store_id = nullif(current_setting('app.store_id', true), '')::uuid
           or client_id = nullif(current_setting('app.principal_client_id', true), ''))
    with check (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
