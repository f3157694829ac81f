package io.shopgraph.platform.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import graphql.parser.ParserOptions;

/**
 * Sets the GraphQL operation parser's limits at startup. SmallRye 2.17's {@code parser-max-tokens}
 * only reaches graphql-java's SDL parser options, not the ones operations are parsed with, so
 * without this the library default of 15,000 tokens would apply (research/graphql-spike.md 2d).
 */
@ApplicationScoped
public class ParserLimits {

    private final int maxTokens;
    private final int maxCharacters;

    ParserLimits(GraphQLConfig config) {
        this.maxTokens = config.maxTokens();
        this.maxCharacters = config.maxCharacters();
    }

    void apply(@Observes StartupEvent event) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(maxTokens).maxCharacters(maxCharacters)
                        .maxWhitespaceTokens(maxTokens * 10)));
    }
}
