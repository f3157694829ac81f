package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Code generators (graphql-js buildSchema, GraphQL Code Generator) build a schema from the committed
 * {@code schema.graphql} alone: this does the same with graphql-java, which fails on any type or scalar that
 * is used but not declared. SchemaSnapshotTest keeps the file equal to the served SDL.
 */
class SchemaFileTest {

    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

    @Test
    void theCommittedSchemaBuildsOnItsOwnAndDocumentsEveryCustomScalar() throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(SchemaSnapshotTest.SNAPSHOT));

        // Mocked wiring supplies a placeholder implementation for each scalar the file declares, nothing more.
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types,
                RuntimeWiring.newRuntimeWiring().wiringFactory(new MockedWiringFactory()).build());

        List<GraphQLScalarType> custom = schema.getAllTypesAsList().stream()
                .filter(GraphQLScalarType.class::isInstance).map(GraphQLScalarType.class::cast)
                .filter(s -> !BUILT_IN.contains(s.getName())).toList();
        assertThat(custom).extracting(GraphQLScalarType::getName).contains("Decimal", "DateTime");
        assertThat(custom).allSatisfy(s -> assertThat(s.getDescription()).as(s.getName()).isNotBlank());
        assertThat(schema.getType("DateTime")).isInstanceOfSatisfying(GraphQLScalarType.class,
                s -> assertThat(s.getSpecifiedByUrl()).isEqualTo("https://scalars.graphql.org/andimarek/date-time"));
        assertThat(schema.getQueryType().getFieldDefinition("shop")).isNotNull();
    }

    @Test
    void aSchemaUsingAnUndeclaredScalarIsRefused() {
        // The check above would catch today's defect: Decimal used without `scalar Decimal`.
        TypeDefinitionRegistry types = new SchemaParser().parse("type Query { price: Decimal }");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SchemaGenerator().makeExecutableSchema(types,
                RuntimeWiring.newRuntimeWiring().wiringFactory(new MockedWiringFactory()).build()))
                .hasMessageContaining("Decimal");
    }
}
