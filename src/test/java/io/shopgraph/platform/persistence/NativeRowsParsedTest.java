package io.shopgraph.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Named parameters become JDBC placeholders; casts, literals, quoted names and comments stay as they are. */
class NativeRowsParsedTest {

    @Test
    void namedParametersBecomePlaceholdersAndListsExpand() {
        var parsed = NativeRows.Parsed.of("select a::text, 'x:y' , \"q:z\" from t -- :c\n where s = :store and id in (:ids) "
                + "and k > cast(:sk as text) and s2 = :store");
        List<Object> values = new ArrayList<>();

        String sql = parsed.bind(Map.of("store", "S", "ids", List.of(1, 2, 3), "sk", "k", "unused", 9), values);

        assertThat(sql).isEqualTo("select a::text, 'x:y' , \"q:z\" from t -- :c\n where s = ? and id in (?, ?, ?) "
                + "and k > cast(? as text) and s2 = ?");
        assertThat(values).containsExactly("S", 1, 2, 3, "k", "S");
    }

    @Test
    void anEmptyListMatchesNothingAndAMissingValueIsRefused() {
        var parsed = NativeRows.Parsed.of("select 1 where id in (:ids)");
        List<Object> values = new ArrayList<>();

        assertThat(parsed.bind(Map.of("ids", List.of()), values)).isEqualTo("select 1 where id in (null)");
        assertThat(values).isEmpty();
        assertThatThrownBy(() -> parsed.bind(Map.of(), new ArrayList<>())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAreToldFromReads() {
        assertThat(NativeRows.Parsed.of("select 1 where id = :id").write()).isFalse();
        assertThat(NativeRows.Parsed.of("update t set a = :a returning a").write()).isTrue();
        assertThat(NativeRows.Parsed.of("with w as (select 1) insert into t select * from w").write()).isTrue();
        assertThat(NativeRows.Parsed.of("with w as (select 1) select * from w").write()).isFalse();
    }
}
