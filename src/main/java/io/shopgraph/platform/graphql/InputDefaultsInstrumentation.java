package io.shopgraph.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;

/**
 * An explicit {@code null} for an argument that declares a default value means that default. Without
 * this, a resolver parameter such as {@code @DefaultValue("false") boolean reverse} receives null and
 * SmallRye fails to unbox it, which surfaces as INTERNAL for {@code reverse: null}.
 */
final class InputDefaultsInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        boolean defaults = parameters.getExecutionStepInfo().getFieldDefinition().getArguments().stream()
                .anyMatch(GraphQLArgument::hasSetDefaultValue);
        if (!defaults) {
            return dataFetcher;
        }
        return environment -> {
            Map<String, Object> arguments = null;
            for (GraphQLArgument argument : environment.getFieldDefinition().getArguments()) {
                if (argument.hasSetDefaultValue() && environment.containsArgument(argument.getName())
                        && environment.getArgument(argument.getName()) == null) {
                    if (arguments == null) {
                        arguments = new LinkedHashMap<>(environment.getArguments());
                    }
                    arguments.put(argument.getName(), ValuesResolver.valueToInternalValue(argument.getArgumentDefaultValue(),
                            argument.getType(), environment.getGraphQlContext(), environment.getLocale()));
                }
            }
            if (arguments == null) {
                return dataFetcher.get(environment);
            }
            return dataFetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment).arguments(arguments).build());
        };
    }
}
