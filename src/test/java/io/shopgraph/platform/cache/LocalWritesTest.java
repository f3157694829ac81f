package io.shopgraph.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Which statements make the writing instance drop a store's cached storefront answers: writes to the
 * schemas the modules declare ({@link StorefrontCacheable}), hence a Quarkus test.
 */
@QuarkusTest
class LocalWritesTest {

    @Test
    void writesToCatalogInventoryAndStoreTablesCount() {
        assertThat(relevant("insert into catalog.product (store_id, id) values (?, ?)")).isTrue();
        assertThat(relevant("update inventory.stock_level set on_hand=? where store_id=? and variant_id=?")).isTrue();
        assertThat(relevant("delete from store.storefront_token where store_id=? and id=?")).isTrue();
        assertThat(relevant("with moved as (select 1) update catalog.collection_product set position = 0")).isTrue();
    }

    @Test
    void readsAndOtherModulesWritesDoNot() {
        assertThat(relevant("select p.id from catalog.product p where p.store_id = ?")).isFalse();
        assertThat(relevant("insert into customers.login_attempt (store_id, email) values (?, ?)")).isFalse();
        assertThat(relevant("update customers.customer set store_id = ? where id = ?")).isFalse();
    }

    private static boolean relevant(String sql) {
        return LocalWrites.isWrite(sql) && LocalWrites.touchesStorefrontData(sql);
    }
}
