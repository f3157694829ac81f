package io.shopgraph.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * The database wall of tenancy, checked on its own: every table with a store_id column has forced
 * row-level security with a policy, the application role cannot bypass it, and native SQL (which
 * the ORM filter never sees) still reads and writes only the transaction's store.
 */
@QuarkusTest
class RowLevelSecurityTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    TenantScope tenantScope;

    @Test
    void everyTenantTableHasForcedRowLevelSecurityWithAPolicy() throws Exception {
        List<String> tenantTables = new ArrayList<>();
        List<String> unprotected = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                select n.nspname || '.' || t.relname, t.relrowsecurity, t.relforcerowsecurity,
                       (select count(*) from pg_policy p where p.polrelid = t.oid)
                from pg_class t
                join pg_namespace n on n.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attname = 'store_id' and not a.attisdropped
                where t.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                """)) {
            while (rows.next()) {
                tenantTables.add(rows.getString(1));
                if (!rows.getBoolean(2) || !rows.getBoolean(3) || rows.getLong(4) == 0) {
                    unprotected.add(rows.getString(1));
                }
            }
        }
        assertThat(tenantTables).contains("store.storefront_token", "store.staff_member");
        assertThat(unprotected).as("tenant tables without forced row-level security and a policy").isEmpty();
    }

    @Test
    void theApplicationRoleCanNeitherBypassNorOwnTenantTables() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                select r.rolsuper, r.rolbypassrls,
                       (select count(*) from pg_class t join pg_attribute a on a.attrelid = t.oid and a.attname = 'store_id'
                        where t.relowner = r.oid)
                from pg_roles r where r.rolname = current_user
                """)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).as("superuser").isFalse();
            assertThat(rows.getBoolean(2)).as("bypassrls").isFalse();
            assertThat(rows.getLong(3)).as("tenant tables it owns").isZero();
        }
    }

    @Test
    void nativeSqlInAStoresTransactionSeesAndWritesOnlyThatStore() {
        TestStore a = TestStores.create("rls-a");
        TestStore b = TestStores.create("rls-b");

        long visibleToA = tenantScope.call(a.id(), () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from store.storefront_token").getSingleResult()).longValue()));
        long bRowsSeenByA = tenantScope.call(a.id(), () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from store.storefront_token where store_id = ?1")
                        .setParameter(1, b.id().value()).getSingleResult()).longValue()));
        int bRowsUpdatedByA = tenantScope.call(a.id(), () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("update store.storefront_token set title = 'hijacked' where store_id = ?1")
                        .setParameter(1, b.id().value()).executeUpdate()));
        long withoutStore = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from store.storefront_token").getSingleResult()).longValue());

        assertThat(visibleToA).isEqualTo(1);
        assertThat(bRowsSeenByA).isZero();
        assertThat(bRowsUpdatedByA).isZero();
        assertThat(withoutStore).as("no store bound: no tenant rows at all").isZero();
        assertThatThrownBy(() -> tenantScope.run(a.id(), () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("insert into store.storefront_token (store_id, id, title, token_hash, token_hint, created_at) "
                        + "values (?1, ?2, 'planted', ?3, 'xxxx', now())")
                        .setParameter(1, b.id().value()).setParameter(2, UUID.randomUUID()).setParameter(3, UUID.randomUUID().toString())
                        .executeUpdate())))
                .hasStackTraceContaining("row-level security");
    }
}
