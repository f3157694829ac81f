package io.shopgraph.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class GlobalIdTest {

    @Test
    void formatsAndParsesTypedIds() {
        UUID id = UUID.randomUUID();
        String gid = GlobalId.format("Product", id);

        assertThat(gid).isEqualTo("gid://shopgraph/Product/" + id);
        assertThat(GlobalId.parse(gid)).contains(new GlobalId("Product", id));
        assertThat(GlobalId.parse(gid, "Product")).contains(id);
        assertThat(GlobalId.parse(gid, "Shop")).isEmpty();
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] { null, "", "Product/1", "gid://shopgraph/Product/", "gid://shopgraph//" + UUID.randomUUID(),
                "gid://shopgraph/product/" + UUID.randomUUID(), "gid://shopgraph/Product/123",
                "gid://shopgraph/Product/" + UUID.randomUUID() + "/x", "gid://other/Product/" + UUID.randomUUID() }) {
            assertThat(GlobalId.parse(bad)).as("'%s'", bad).isEmpty();
        }
    }

    @Test
    void newIdsAreTimeOrderedVersion7() {
        UUID first = Ids.newId();
        UUID second = Ids.newId();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isLessThanOrEqualTo(second.getMostSignificantBits() >>> 16);
    }
}
