package io.shopgraph.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The MUST and SHOULD items of the graphql-http server audit (npm graphql-http, audits/server), mirrored
 * case by case with their audit ids, against the running service. MAY items chosen: A5BF and 3E3A/8764
 * (400 for a missing body or invalid parameters) are kept; GET serves queries
 * only (mutations over GET: 405, CdnReadsTest).
 */
@QuarkusTest
class GraphQLOverHttpTest {

    static final String TYPENAME = "{\"query\": \"{ __typename }\"}";

    private static RequestSpecification post(String accept) {
        RequestSpecification spec = given().contentType("application/json");
        if (accept != null) {
            spec.accept(accept);
        }
        return spec;
    }

    private static Response send(String accept, String body) {
        return post(accept).body(body).post("/graphql");
    }

    @Test
    void mediaTypes() {
        assertThat(send("application/graphql-response+json", TYPENAME).contentType()).as("22EB").startsWith("application/graphql-response+json");
        Response json = send("application/json", TYPENAME);
        assertThat(json.contentType()).as("4655").startsWith("application/json");
        assertThat(json.statusCode()).as("82A3").isEqualTo(200);
        assertThat(new String(json.asByteArray(), java.nio.charset.StandardCharsets.UTF_8)).as("82A3 utf-8").contains("\"Query\"");
        assertThat(send("*/*", TYPENAME).contentType()).as("47DE").startsWith("application/json");
        Response noAccept = given().contentType("application/json").header("Accept", "").body(TYPENAME).post("/graphql");
        assertThat(noAccept.contentType()).as("80D8").startsWith("application/json");
    }

    @Test
    void requests() {
        assertThat(given().contentType("application/json; charset=utf-8").body(TYPENAME).post("/graphql").statusCode()).as("BF61").isEqualTo(200);
        assertThat(send("application/json", TYPENAME).statusCode()).as("2C94, 03D4, 78D5").isEqualTo(200);
        Response noContentType = given().body(TYPENAME.getBytes()).post("/graphql");
        assertThat(noContentType.statusCode()).as("9ABE").isBetween(400, 499);
        assertThat(post("application/json").post("/graphql").statusCode()).as("A5BF").isEqualTo(400);
    }

    @Test
    void parameters() {
        for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
            assertThat(send(accept, "{\"query\": \"{ __typename }\"}").jsonPath().getString("data.__typename")).as("13EE 34A2").isEqualTo("Query");
            assertThat(send(accept, "{\"query\": \"query Type { __typename }\", \"operationName\": \"Type\"}").statusCode()).as("B8B3 8161")
                    .isEqualTo(200);
            Response variables = send(accept, "{\"query\": \"query Type($name: String!) { __type(name: $name) { name } }\", "
                    + "\"variables\": {\"name\": \"sometype\"}}");
            assertThat(variables.statusCode()).as("28B9 2EA1").isEqualTo(200);
            assertThat(variables.jsonPath().getList("errors")).as("28B9 2EA1 " + variables.asString()).isNull();
            assertThat(send(accept, "{\"query\": \"{ __typename }\", \"extensions\": {\"some\": \"value\"}}").statusCode()).as("1B7A 428F 39AA")
                    .isEqualTo(200);
        }
        Response typo = send("application/json", "{\"qeury\": \"{ __typename }\"}");
        assertThat(typo.statusCode()).as("8764 3E3A").isEqualTo(400);
    }

    @Test
    void statusCodesUnderApplicationJson() {
        assertThat(send("application/json", "{ \"not\": \"valid").statusCode()).as("BCF8").isEqualTo(400);
        assertThat(send("application/json", "{\"query\": \"{\"}").statusCode()).as("572B").isEqualTo(200);
        assertThat(send("application/json", "{\"query\": \"{ 8f31403dfe404bccbb0e835f2629c6a7 }\"}").statusCode()).as("FDE2").isEqualTo(200);
        assertThat(send("application/json", "{\"query\": \"query CoerceFailure($id: ID!){ __typename }\", \"variables\": {\"id\": null}}").statusCode())
                .as("7B9B").isEqualTo(200);
    }

    @Test
    void statusCodesUnderGraphQLResponseJson() {
        String accept = "application/graphql-response+json";
        Response parse = send(accept, "{\"query\": \"{\"}");
        assertThat(parse.statusCode()).as("865D 556A").isEqualTo(400);
        assertThat(parse.jsonPath().getMap("$")).as("D586").doesNotContainKey("data");
        Response validation = send(accept, "{\"query\": \"{ 8f31403dfe404bccbb0e835f2629c6a7 }\"}");
        assertThat(validation.statusCode()).as("51FE 74FF").isEqualTo(400);
        assertThat(validation.jsonPath().getMap("$")).as("5E5B").doesNotContainKey("data");
        Response coercion = send(accept, "{\"query\": \"query CoerceFailure($id: ID!){ __typename }\", \"variables\": {\"id\": null}}");
        assertThat(coercion.statusCode()).as("86EE " + coercion.asString()).isEqualTo(400);
        Response data = send(accept, TYPENAME);
        assertThat(data.statusCode()).as("EE52").isEqualTo(200);
        Response notPermitted = given().contentType("application/json").header("Authorization", "Bearer not.a.token").body(TYPENAME).post("/graphql");
        assertThat(notPermitted.statusCode()).as("BC58").isIn(401, 403);
    }
}
