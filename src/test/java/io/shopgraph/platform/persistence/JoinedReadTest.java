package io.shopgraph.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** A read riding on another statement: its columns never clash with the caller's, misses map to null, shared names agree. */
@QuarkusTest
class JoinedReadTest {

    @Inject
    NativeRows db;

    @Test
    void eachCallersRowGetsItsMatchOrNullAndTheNamesNeverClash() {
        TestStore store = TestStores.create("joined-read");
        // The joined read's own columns are named like the caller's (id, label): renamed, the caller's stay unambiguous.
        JoinedRead<List<Object>> labels = JoinedRead.of("j", "select t.id, t.label || :suffix as label from (values (1, 'one'), (3, 'three')) "
                + "t(id, label) where t.id = c.id", 2, Map.of("suffix", "!"), Arrays::asList);
        List<Object[]> rows = InStore.call(store, em -> db.query("select id, label, " + labels.columns()
                + " from (values (1, 'a'), (2, 'b'), (3, 'c')) c(id, label) " + labels.join() + "order by id",
                labels.params(Map.of())));

        List<List<Object>> found = new ArrayList<>();
        rows.forEach(r -> found.add(labels.map(r, 2)));
        assertThat(rows).extracting(r -> r[1]).containsExactly("a", "b", "c");
        assertThat(found).containsExactly(List.of(1, "one!"), null, List.of(3, "three!"));
    }

    @Test
    void theReadAndItsCallerCannotGiveOneParameterTwoValues() {
        JoinedRead<Object[]> read = JoinedRead.of("j", "select :a", 1, Map.of("a", 1), r -> r);
        assertThat(read.params(Map.of("a", 1, "b", 2))).containsEntry("a", 1).containsEntry("b", 2);
        assertThatThrownBy(() -> read.params(Map.of("a", 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter a");
    }
}
