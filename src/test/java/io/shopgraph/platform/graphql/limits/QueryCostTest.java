package io.shopgraph.platform.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/** The static cost, computed on the committed schema (schema.graphql), without booting the application. */
class QueryCostTest {

    static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        // The committed SDL declares its custom scalars (SchemaFileTest keeps it so).
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(Path.of("schema.graphql"))));
    }

    static long cost(String document, Map<String, Object> variables) {
        Document parsed = Parser.parse(document);
        return QueryCost.of(schema, parsed, null, variables);
    }

    static long bench(String name) throws IOException {
        return cost(Files.readString(Path.of("bench/queries/" + name + ".graphql")), Map.of("handle", "x", "query", "x"));
    }

    @Test
    void scalarsAreFreeObjectsCostOneAndConnectionsMultiplyByTheirPageSize() {
        assertThat(cost("{ shop { name currencyCode } }", Map.of())).isEqualTo(1);
        assertThat(cost("{ products(first: 10) { nodes { id title } } }", Map.of())).isEqualTo(2);
        assertThat(cost("{ products(first: 10) { nodes { id featuredImage { url } } } }", Map.of())).isEqualTo(2 + 10);
        assertThat(cost("query($n: Int) { products(first: $n) { nodes { featuredImage { url } } } }", Map.of("n", 50)))
                .as("page size from a variable").isEqualTo(2 + 50);
        assertThat(cost("{ products { nodes { featuredImage { url } } } }", Map.of())).as("default page of 20").isEqualTo(2 + 20);
        assertThat(cost("{ products(first: 100000) { nodes { featuredImage { url } } } }", Map.of())).as("capped at 100")
                .isEqualTo(2 + 100);
    }

    @Test
    void aCostNoVariableChangesIsTheSameWithoutTheVariables() {
        Document byId = Parser.parse("query($c: ID!) { cart(id: $c) { id lines(first: 100) { nodes { id merchandise { id } } } } }");
        assertThat(QueryCost.withoutVariables(schema, byId, null)).as("an id variable changes no page size")
                .isEqualTo(QueryCost.of(schema, byId, null, Map.of("c", "x"))).isGreaterThan(2);
        Document paged = Parser.parse("query($n: Int) { products(first: $n) { nodes { featuredImage { url } } } }");
        assertThat(QueryCost.withoutVariables(schema, paged, null)).as("a page size from a variable").isEqualTo(QueryCost.VARIES);
        Document inFragment = Parser.parse("query($n: Int) { ...F } fragment F on Query { products(first: $n) { nodes { id } } }");
        assertThat(QueryCost.withoutVariables(schema, inFragment, null)).as("a page size from a variable in a fragment")
                .isEqualTo(QueryCost.VARIES);
    }

    @Test
    void nestedConnectionsMultiply() {
        long cost = cost("{ products(first: 100) { nodes { variants(first: 100) { nodes { price { amount } } } } } }", Map.of());
        assertThat(cost).isEqualTo(2 + 100 * (2 + 100 * 1));
    }

    @Test
    void mutationsCostTenPerRootField() {
        // 10 for the mutation, 1 for its payload, 1 for the list of user errors (whose fields are scalars).
        assertThat(cost("mutation { customerRecover(email: \"a@b.c\") { userErrors { code } } }", Map.of())).isEqualTo(10 + 1 + 1);
    }

    @Test
    void introspectionCostsOnePerObjectFieldWhateverItsLists() {
        long cost = cost("{ __schema { types { name fields { name type { name ofType { name } } } } } }", Map.of());
        assertThat(cost).isEqualTo(5);
    }

    @Test
    @Timeout(10)
    void aFragmentFanOutIsCostedWithoutExpandingIt() {
        String fanOut = IntStream.range(0, 22).mapToObj(i -> "fragment G" + i + " on Product { ...G" + (i + 1) + " ...G" + (i + 1) + " }")
                .collect(Collectors.joining("\n")) + "\nfragment G22 on Product { featuredImage { url } }";
        long doubling = cost("{ products(first: 1) { nodes { ...G0 } } }\n" + fanOut, Map.of());
        assertThat(doubling).as("2^22 images").isEqualTo(2 + (1L << 22));
    }

    @Test
    void costsSaturateInsteadOfWrapping() {
        String deep = "featuredImage { url }";
        for (int i = 0; i < 12; i++) {
            deep = "products(first: 100) { nodes { " + (i == 0 ? deep : "collections { " + deep + " }") + " } }";
        }
        deep = "{ " + deep + " }";
        assertThat(cost("{ collections(first: 1) { nodes { " + deep.substring(1, deep.length() - 1) + " } } }", Map.of()))
                .isEqualTo(QueryCost.SATURATED);
    }

    @Test
    void theBenchDocumentsFitTheDefaultMaximum() throws IOException {
        long listing = bench("listing");
        long detail = bench("detail");
        long search = bench("search");
        System.out.printf("cost: listing %d, detail %d, search %d, collection %d%n", listing, detail, search, bench("collection"));
        assertThat(listing).isLessThanOrEqualTo(1000);
        assertThat(detail).isLessThanOrEqualTo(1000);
        assertThat(search).isLessThanOrEqualTo(1000);
    }
}
