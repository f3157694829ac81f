package io.shopgraph.catalog.application.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One display order for an option's values, merged from the products' own lists. */
class OptionValueOrderTest {

    private static final Comparator<String> ALPHABETICAL = Comparator.naturalOrder();

    @Test
    void partialListsMergeIntoTheirCommonOrder() {
        assertThat(OptionValueOrder.merge(List.of("L", "M", "S", "XL"),
                List.of(List.of("M", "L"), List.of("S"), List.of("S", "M", "L"), List.of("L", "XL")), ALPHABETICAL))
                .containsExactly("S", "M", "L", "XL");
    }

    @Test
    void valuesNoListOrdersAndCyclesFallBackToTheTieBreak() {
        Map<String, Integer> rank = Map.of("Red", 0, "Blue", 1, "Green", 2);
        Comparator<String> byRank = Comparator.comparing(rank::get);
        // One product says Blue before Red, another Red before Blue: the tie-break decides, nothing is lost.
        assertThat(OptionValueOrder.merge(List.of("Red", "Blue"), List.of(List.of("Blue", "Red"), List.of("Red", "Blue")), byRank))
                .containsExactly("Red", "Blue");
        assertThat(OptionValueOrder.merge(List.of("Green", "Blue", "Red"), List.of(List.of("Blue", "Green")), byRank))
                .containsExactly("Red", "Blue", "Green");
        // Values missing from every list, and lists naming values not asked for.
        assertThat(OptionValueOrder.merge(List.of("B", "A"), List.of(List.of("Z", "B")), ALPHABETICAL)).containsExactly("A", "B");
        assertThat(OptionValueOrder.merge(List.of(), List.of(List.of("A")), ALPHABETICAL)).isEmpty();
    }
}
