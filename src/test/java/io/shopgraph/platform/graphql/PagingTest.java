package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.errors.ErrorCode;

class PagingTest {

    @Test
    void pageSizesAreBoundedAndDirectionsExclusive() {
        assertThat(PageRequest.of(null, null, null, null).size()).isEqualTo(PageRequest.DEFAULT_PAGE_SIZE);
        assertThat(PageRequest.of(100, null, null, null).size()).isEqualTo(100);
        assertThat(code(() -> PageRequest.of(101, null, null, null))).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(code(() -> PageRequest.of(-1, null, null, null))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(() -> PageRequest.of(5, null, 5, null))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(() -> PageRequest.of(null, "a", null, "b"))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(PageRequest.of(null, null, 3, "c").backward()).isTrue();
    }

    @Test
    void pagesTrimTheProbeRowAndKeepDisplayOrder() {
        Page<Integer> forward = Page.of(List.of(1, 2, 3), PageRequest.of(2, null, null, null));
        assertThat(forward.items()).containsExactly(1, 2);
        assertThat(forward.hasNextPage()).isTrue();
        assertThat(forward.hasPreviousPage()).isFalse();

        Page<Integer> backward = Page.of(List.of(9, 8, 7), PageRequest.of(null, null, 2, "x"));
        assertThat(backward.items()).containsExactly(8, 9);
        assertThat(backward.hasPreviousPage()).isTrue();
        assertThat(backward.hasNextPage()).isTrue();
    }

    @Test
    void cursorsRoundTripAndForeignCursorsAreRefused() {
        String cursor = Cursor.encode("Hat", "gid://shopgraph/Product/1");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("Hat", "gid://shopgraph/Product/1");
        assertThat(code(() -> Cursor.decode(cursor, 1))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(() -> Cursor.decode("%%%", 1))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    private static ErrorCode code(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("no ApiException");
    }

}
