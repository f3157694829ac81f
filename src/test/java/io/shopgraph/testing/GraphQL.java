package io.shopgraph.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A small fluent GraphQL client over rest-assured: real HTTP against the running application. */
public final class GraphQL {

    private final Map<String, String> headers = new HashMap<>();

    private GraphQL() {
    }

    public static GraphQL anonymous() {
        return new GraphQL();
    }

    public static GraphQL storefront(String storefrontToken) {
        return new GraphQL().header("X-Storefront-Token", storefrontToken);
    }

    public static GraphQL merchant(String bearerToken) {
        return new GraphQL().header("Authorization", "Bearer " + bearerToken);
    }

    public GraphQL header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Skips the storefront response cache (statement-count tests measure the uncached path): Cache-Control
     * no-cache plus the debug secret the test profile configures; without the secret the header is ignored.
     */
    public GraphQL uncached() {
        return header("Cache-Control", "no-cache").header("X-ShopGraph-Cache-Bypass", "test-cache-bypass");
    }

    public GraphQL store(String shopId) {
        return header("X-Store-Id", shopId);
    }

    /** Sends the document as a GET query string and returns the HTTP response, whatever its status. */
    public Response getRequest(String query) {
        return given().headers(headers).queryParam("query", query).get("/graphql");
    }

    /** Posts the document and returns the HTTP response, whatever its status. */
    public Response post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null && !variables.isEmpty()) {
            body.put("variables", variables);
        }
        RequestSpecification request = given().contentType(ContentType.JSON).headers(headers).body(body);
        return request.post("/graphql");
    }

    /** Posts the document, expects HTTP 200, and returns the JSON body. */
    public JsonPath execute(String query, Map<String, Object> variables) {
        Response response = post(query, variables);
        response.then().statusCode(200);
        return response.jsonPath();
    }

    public JsonPath execute(String query) {
        return execute(query, Map.of());
    }
}
