package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

@QuarkusTest
class StorefrontAccessTokenMutationsTest {

    static final String CREATE = "mutation($title: String!) { storefrontAccessTokenCreate(input: {title: $title}) { "
            + "accessToken storefrontAccessToken { id title accessTokenHint createdAt revokedAt } userErrors { field code message } } }";
    static final String REVOKE = "mutation($id: ID!) { storefrontAccessTokenRevoke(id: $id) { "
            + "storefrontAccessToken { id revokedAt } userErrors { field code message } } }";
    static final String LIST = "query($first: Int, $after: String, $last: Int, $before: String, $all: Boolean) { "
            + "storefrontAccessTokens(first: $first, after: $after, last: $last, before: $before, includeRevoked: $all) { "
            + "edges { cursor node { id title } } nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    @Test
    void createShowsTheTokenOnceAndStoresOnlyItsHint() {
        TestStore store = TestStores.create("sat-create");

        JsonPath body = store.owner().execute(CREATE, Map.of("title", "  Spring campaign  "));

        String token = body.getString("data.storefrontAccessTokenCreate.accessToken");
        assertThat(body.getList("data.storefrontAccessTokenCreate.userErrors")).isEmpty();
        assertThat(token).startsWith("sgst_").hasSizeGreaterThan(40);
        assertThat(body.getString("data.storefrontAccessTokenCreate.storefrontAccessToken.title")).isEqualTo("Spring campaign");
        assertThat(body.getString("data.storefrontAccessTokenCreate.storefrontAccessToken.accessTokenHint"))
                .isEqualTo(token.substring(token.length() - 4));
        assertThat(body.getString("data.storefrontAccessTokenCreate.storefrontAccessToken.revokedAt")).isNull();
        JsonPath listed = store.owner().execute("{ storefrontAccessTokens { nodes { title accessTokenHint } } }");
        assertThat(listed.prettify()).doesNotContain(token);
    }

    @Test
    void anInvalidTitleIsAUserErrorAndWritesNothing() {
        TestStore store = TestStores.create("sat-invalid");
        int before = tokenCount(store);

        for (String title : new String[] { "", "   ", "x".repeat(101) }) {
            JsonPath body = store.owner().execute(CREATE, Map.of("title", title));
            assertThat(body.getString("data.storefrontAccessTokenCreate.userErrors[0].code")).isEqualTo("INVALID_TITLE");
            assertThat(body.getList("data.storefrontAccessTokenCreate.userErrors[0].field")).containsExactly("input", "title");
            assertThat(body.getString("data.storefrontAccessTokenCreate.accessToken")).isNull();
            assertThat(body.getString("data.storefrontAccessTokenCreate.storefrontAccessToken")).isNull();
        }
        assertThat(tokenCount(store)).isEqualTo(before);
    }

    @Test
    void thePlanLimitsLiveTokens() {
        TestStore store = TestStores.create("sat-limit");
        int live = tokenCount(store);
        for (int i = live; i < 10; i++) {
            assertThat(store.owner().execute(CREATE, Map.of("title", "t" + i))
                    .getList("data.storefrontAccessTokenCreate.userErrors")).isEmpty();
        }

        JsonPath body = store.owner().execute(CREATE, Map.of("title", "one too many"));

        assertThat(body.getString("data.storefrontAccessTokenCreate.userErrors[0].code")).isEqualTo("TOO_MANY_TOKENS");
        assertThat(tokenCount(store)).isEqualTo(10);
    }

    @Test
    void revokingTwiceAndRevokingAnotherStoresTokenAreUserErrors() {
        TestStore mine = TestStores.create("sat-mine");
        TestStore theirs = TestStores.create("sat-theirs");
        String theirId = theirs.owner().execute(CREATE, Map.of("title", "Theirs"))
                .getString("data.storefrontAccessTokenCreate.storefrontAccessToken.id");
        String myId = mine.owner().execute(CREATE, Map.of("title", "Mine"))
                .getString("data.storefrontAccessTokenCreate.storefrontAccessToken.id");

        JsonPath foreign = mine.owner().execute(REVOKE, Map.of("id", theirId));
        JsonPath first = mine.owner().execute(REVOKE, Map.of("id", myId));
        JsonPath second = mine.owner().execute(REVOKE, Map.of("id", myId));

        assertThat(foreign.getString("data.storefrontAccessTokenRevoke.userErrors[0].code")).isEqualTo("NOT_FOUND");
        assertThat(first.getString("data.storefrontAccessTokenRevoke.storefrontAccessToken.revokedAt")).isNotNull();
        assertThat(second.getString("data.storefrontAccessTokenRevoke.userErrors[0].code")).isEqualTo("ALREADY_REVOKED");
        JsonPath theirList = theirs.owner().execute(LIST, Map.of("all", true));
        assertThat(theirList.getList("data.storefrontAccessTokens.nodes.title")).contains("Theirs");
        assertThat(theirs.owner().execute(LIST, Map.of()).getList("data.storefrontAccessTokens.nodes.title"))
                .as("their token is still live").contains("Theirs");
    }

    @Test
    void tokensPageForwardAndBackwardWithStableCursors() {
        TestStore store = TestStores.create("sat-pages");
        for (int i = 0; i < 5; i++) {
            store.owner().execute(CREATE, Map.of("title", "page-" + i));
        }
        List<String> all = store.owner().execute(LIST, Map.of("first", 100)).getList("data.storefrontAccessTokens.nodes.title");
        assertThat(all).hasSize(6);

        List<String> forward = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> vars = new java.util.HashMap<>(Map.of("first", 2));
            if (after != null) {
                vars.put("after", after);
            }
            JsonPath page = store.owner().execute(LIST, vars);
            forward.addAll(page.getList("data.storefrontAccessTokens.edges.node.title"));
            hasNext = page.getBoolean("data.storefrontAccessTokens.pageInfo.hasNextPage");
            after = page.getString("data.storefrontAccessTokens.pageInfo.endCursor");
        }
        assertThat(forward).isEqualTo(all);

        JsonPath lastTwo = store.owner().execute(LIST, Map.of("last", 2));
        assertThat(lastTwo.getList("data.storefrontAccessTokens.nodes.title")).isEqualTo(all.subList(4, 6));
        assertThat(lastTwo.getBoolean("data.storefrontAccessTokens.pageInfo.hasPreviousPage")).isTrue();
        JsonPath before = store.owner().execute(LIST, Map.of("last", 2,
                "before", lastTwo.getString("data.storefrontAccessTokens.pageInfo.startCursor")));
        assertThat(before.getList("data.storefrontAccessTokens.nodes.title")).isEqualTo(all.subList(2, 4));
    }

    @Test
    void merchantFieldsNeedAMemberOfTheStore() {
        TestStore store = TestStores.create("sat-auth");

        JsonPath anonymous = GraphQL.anonymous().execute(CREATE, Map.of("title", "x"));
        JsonPath storefront = store.storefront().execute(CREATE, Map.of("title", "x"));
        JsonPath stranger = GraphQL.merchant(LocalOidcIssuer.token("stranger")).execute(CREATE, Map.of("title", "x"));

        assertThat(anonymous.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(storefront.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(stranger.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(tokenCount(store)).isEqualTo(1);
    }

    private static int tokenCount(TestStore store) {
        return store.owner().execute(LIST, Map.of("first", 100)).getList("data.storefrontAccessTokens.nodes").size();
    }
}
