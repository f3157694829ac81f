package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;

/** The field visibility the engine executes with, from what SmallRye built and the configured setting. No Quarkus boot. */
class FieldVisibilityTest {

    @Test
    void smallRyesDefaultVisibilityIsGraphqlJavasDefaultNotAPattern() {
        BlockedFields misread = BlockedFields.newBlock().addPattern("default").build();
        assertThat(PlainFields.visibility(misread, "default")).isSameAs(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
        BlockedFields real = BlockedFields.newBlock().addPattern("Customer.email").build();
        assertThat(PlainFields.visibility(real, "Customer.email")).isSameAs(real);
        assertThat(PlainFields.visibility(NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY, "no-introspection"))
                .isSameAs(NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY);
    }
}
