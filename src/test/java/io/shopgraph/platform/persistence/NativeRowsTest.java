package io.shopgraph.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.cart.domain.Cart;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Writes through {@link NativeRows}: in the transaction, after pending entity writes, with RLS, counted. */
@QuarkusTest
class NativeRowsTest {

    private static final String CREATE = "mutation { cartCreate(input: {note: \"created\"}) { cart { id } userErrors { code } } }";

    @Inject
    NativeRows db;

    private static UUID cart(TestStore store) {
        String id = store.storefront().execute(CREATE, Map.of()).getString("data.cartCreate.cart.id");
        return UUID.fromString(id.substring(id.lastIndexOf('/') + 1));
    }

    @Test
    void aWriteRunsAfterTheEntityChangesBeforeIt() {
        TestStore store = TestStores.create("native-rows-flush");
        UUID cart = cart(store);
        int changed = InStore.call(store, em -> {
            em.find(Cart.class, cart).note = "entity";
            // Without the flush first, the entity's note would be written at commit over this statement's result.
            return db.sql("update cart.cart set note = note || '+native' where store_id = :store and id = :id")
                    .param("store", store.id().value()).param("id", cart).update();
        });
        assertThat(changed).isEqualTo(1);
        assertThat(note(store, cart)).isEqualTo("entity+native");
    }

    @Test
    void aWriteThatReturnsRowsAlsoRunsAfterTheEntityChangesBeforeIt() {
        TestStore store = TestStores.create("native-rows-returning");
        UUID cart = cart(store);
        List<Object[]> rows = InStore.call(store, em -> {
            em.find(Cart.class, cart).note = "entity";
            return db.sql("update cart.cart set note = note || '+returning' where store_id = :store and id = :id returning note")
                    .param("store", store.id().value()).param("id", cart).list();
        });
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("entity+returning");
        assertThat(note(store, cart)).isEqualTo("entity+returning");
    }

    @Test
    void writesAreCountedAndSeeOnlyTheBoundStore() {
        TestStore mine = TestStores.create("native-rows-mine");
        TestStore other = TestStores.create("native-rows-other");
        UUID foreign = cart(other);
        long before = SqlStatementCounter.total();
        int changed = InStore.call(mine, em -> db.sql("update cart.cart set note = :note where id = :id")
                .param("note", null).param("id", foreign).update());
        assertThat(changed).as("row-level security hides the other store's cart").isZero();
        assertThat(SqlStatementCounter.total() - before).isGreaterThanOrEqualTo(1);
        List<Object> notes = InStore.call(other, em -> db.sql("select note from cart.cart where id = :id").param("id", foreign).column());
        assertThat(notes).containsExactly("created");
    }

    @Test
    void aFailedWriteIsAPersistenceExceptionAndRollsBack() {
        TestStore store = TestStores.create("native-rows-failure");
        UUID cart = cart(store);
        assertThatThrownBy(() -> InStore.call(store, em -> {
            db.sql("update cart.cart set note = 'changed' where store_id = :store and id = :id").param("store", store.id().value())
                    .param("id", cart).update();
            return db.sql("update cart.cart set status = 'NO SUCH STATUS' where id = :id").param("id", cart).update();
        })).satisfies(e -> assertThat(root(e)).isInstanceOf(java.sql.SQLException.class));
        assertThat(note(store, cart)).isEqualTo("created");
        assertThatThrownBy(() -> InStore.call(store, em -> db.sql("select 1 where :missing").update()))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":missing"));
    }

    private String note(TestStore store, UUID cart) {
        return InStore.call(store, em -> (String) db.sql("select note from cart.cart where id = :id").param("id", cart).value());
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
