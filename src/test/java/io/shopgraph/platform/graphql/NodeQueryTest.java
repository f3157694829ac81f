package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class NodeQueryTest {

    static final String NODE = "query($id: ID!) { node(id: $id) { id ... on Shop { name handle } } }";

    @Test
    void findsTheCallersOwnObjects() {
        TestStore store = TestStores.create("node-own");

        JsonPath body = store.storefront().execute(NODE, Map.of("id", store.shopId()));

        assertThat(body.getString("data.node.id")).isEqualTo(store.shopId());
        assertThat(body.getString("data.node.handle")).isEqualTo(store.handle());
    }

    @Test
    void aMalformedIdIsABadRequest() {
        TestStore store = TestStores.create("node-bad");

        for (String id : new String[] { "42", "gid://shopgraph/Shop/not-a-uuid", "gid://other/Shop/" + UUID.randomUUID(), "" }) {
            JsonPath body = store.storefront().execute(NODE, Map.of("id", id));
            assertThat(body.getString("errors[0].extensions.code")).as("id '%s'", id).isEqualTo("BAD_REQUEST");
            assertThat(body.getString("data.node")).isNull();
        }
    }

    @Test
    void anotherStoresIdAnswersExactlyLikeAMissingId() {
        TestStore mine = TestStores.create("node-mine");
        TestStore theirs = TestStores.create("node-theirs");
        String missing = GlobalId.format("Shop", UUID.randomUUID());

        String foreignAnswer = mine.storefront().post(NODE, Map.of("id", theirs.shopId())).then().statusCode(200).extract().asString();
        String missingAnswer = mine.storefront().post(NODE, Map.of("id", missing)).then().statusCode(200).extract().asString();

        assertThat(foreignAnswer).isEqualTo(missingAnswer)
                .isEqualTo("{\"data\":{\"node\":null},\"extensions\":{\"cost\":{\"requestedQueryCost\":1,\"maximumAvailable\":1000}}}");
    }

    @Test
    void anotherStoresTokenIdIsInvisibleToThisStoresOwner() {
        TestStore mine = TestStores.create("node-owner");
        TestStore theirs = TestStores.create("node-other");
        String theirTokenId = theirs.owner().execute(
                "mutation { storefrontAccessTokenCreate(input: {title: \"Theirs\"}) { storefrontAccessToken { id } } }")
                .getString("data.storefrontAccessTokenCreate.storefrontAccessToken.id");
        String query = "query($ids: [String!]!) { nodes(ids: $ids) { id ... on StorefrontAccessToken { title } } }";

        JsonPath asOwner = theirs.owner().execute(query, Map.of("ids", java.util.List.of(theirTokenId)));
        JsonPath asOtherOwner = mine.owner().execute(query, Map.of("ids", java.util.List.of(theirTokenId)));

        assertThat(asOwner.getString("data.nodes[0].title")).as(asOwner.prettify()).isEqualTo("Theirs");
        assertThat(asOtherOwner.getList("data.nodes")).containsExactly((Object) null);
        assertThat(asOtherOwner.getList("errors")).isNull();
    }

    @Test
    void withoutAnyCredentialNodeIsUnauthenticated() {
        JsonPath body = io.shopgraph.testing.GraphQL.anonymous().execute(NODE, Map.of("id", GlobalId.format("Shop", UUID.randomUUID())));

        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }
}
