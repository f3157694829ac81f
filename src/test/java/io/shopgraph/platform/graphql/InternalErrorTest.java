package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** An unexpected failure reaches the client as INTERNAL, with nothing of what went wrong inside. */
@QuarkusTest
class InternalErrorTest {

    @Test
    void anUnexpectedExceptionAnswersInternalWithoutInternals() {
        TestStore store = TestStores.create("boom");

        Response response = store.storefront().post("query($id: ID!) { node(id: $id) { id } }",
                Map.of("id", GlobalId.format(ExplodingNodeSource.TYPE, UUID.randomUUID())));

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.asString();
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("INTERNAL");
        assertThat(response.jsonPath().getString("errors[0].message")).startsWith("Internal error");
        assertThat(response.jsonPath().getList("errors[0].path")).containsExactly("node");
        assertThat(body).doesNotContain(ExplodingNodeSource.SECRET, "Exception", "java.", "io.shopgraph", "select ",
                "\tat ", "classification");
    }
}
