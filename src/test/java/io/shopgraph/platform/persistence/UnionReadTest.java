package io.shopgraph.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Reads of different shapes as one statement: each part gets back its own rows, columns, order and driver types. */
@QuarkusTest
class UnionReadTest {

    @Inject
    NativeRows db;

    @Test
    void eachPartGetsItsOwnRowsInItsOwnOrderWithTheDriversTypes() {
        TestStore store = TestStores.create("union-read");
        UUID id = UUID.randomUUID();
        UnionRead read = new UnionRead();
        // Three columns of three types, rows given out of order.
        int first = read.add(new UnionRead.Part("t.n, t.label, t.flag", "int, text, boolean",
                "(values (2, 'two', true), (1, 'one', false), (3, :third, null)) t(n, label, flag)", "t.n desc",
                Map.of("third", "three")));
        // A part without rows between two that have some.
        int empty = read.add(new UnionRead.Part("s.id", "uuid", "store.store s where s.id = :nobody", "s.id", Map.of("nobody", UUID.randomUUID())));
        // Two columns of other types, and a parameter shared with the first part.
        int last = read.add(new UnionRead.Part("cast(:id as uuid), cast(t.amount as numeric)", "uuid, numeric",
                "(values ('1.50'), ('0.25')) t(amount) where :third = 'three'", "t.amount", Map.of("id", id, "third", "three")));

        List<List<Object[]>> rows = InStore.call(store, em -> read.run(db));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(first)).extracting(r -> Arrays.asList(r)).containsExactly(
                Arrays.asList(3, "three", null), List.of(2, "two", true), List.of(1, "one", false));
        assertThat(rows.get(empty)).isEmpty();
        assertThat(rows.get(last)).hasSize(2);
        assertThat(rows.get(last).get(0)).containsExactly(id, new BigDecimal("0.25"));
        assertThat(rows.get(last).get(1)).containsExactly(id, new BigDecimal("1.50"));
    }

    @Test
    void twoPartsCannotGiveOneParameterTwoValues() {
        TestStore store = TestStores.create("union-read-params");
        UnionRead read = new UnionRead();
        read.add(new UnionRead.Part(":a", "int", "(values (1)) t(x)", "t.x", Map.of("a", 1)));
        read.add(new UnionRead.Part(":a", "int", "(values (1)) t(x)", "t.x", Map.of("a", 2)));
        assertThatThrownBy(() -> InStore.call(store, em -> read.run(db))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter a");
    }

    @Test
    void noPartsReadNothing() {
        assertThat(new UnionRead().run(db)).isEmpty();
    }
}
