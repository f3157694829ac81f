package io.shopgraph.platform.graphql;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds of a GraphQL document ({@code shopgraph.graphql.*}); README lists them. max-depth, max-fields and
 * introspection are also read by Quarkus' own smallrye-graphql keys in application.properties.
 */
@ConfigMapping(prefix = "shopgraph.graphql")
public interface GraphQLConfig {

    /** The deepest selection nesting. */
    @WithDefault("15")
    int maxDepth();

    /** The most fields one request may select. */
    @WithDefault("1000")
    int maxFields();

    /** The most tokens a document may have (graphql-java's parser stops there). */
    @WithDefault("5000")
    int maxTokens();

    /** The most characters a document may have. */
    @WithDefault("100000")
    int maxCharacters();

    /** Schema field visibility: {@code default}, or {@code no-introspection} in production if wanted. */
    Optional<String> introspection();
}
