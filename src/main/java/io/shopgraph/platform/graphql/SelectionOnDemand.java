package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.SelectedField;

/**
 * The environment SmallRye's operation fetchers get: the same, except that the selection set's flat
 * {@link DataFetchingFieldSelectionSet#getFields() getFields()} is empty.
 * <p>
 * Before it calls a resolver, SmallRye fills its per-call {@code Context} with the field's selected sub-fields, twice
 * as JSON, from {@code getFields()}: that makes graphql-java normalise the whole operation (every field of the
 * document, its arguments and types) on every root and {@code @Source} operation, 7.6% of a checkout's worker samples,
 * for a value no resolver reads. The rule for module authors: {@code Context.getSelectedFields()} is empty; a resolver
 * that needs to know what was selected asks the graphql-java environment
 * ({@code context.unwrap(DataFetchingEnvironment.class).getSelectionSet()}) with {@code contains(...)},
 * {@code getFields(glob)} or {@code getImmediateFields()}, which are computed only when called, as
 * {@code SearchQueries} does. {@code SelectionOnDemandTest} holds both halves.
 */
final class SelectionOnDemand extends DelegatingDataFetchingEnvironment {

    SelectionOnDemand(DataFetchingEnvironment delegate) {
        super(delegate);
    }

    @Override
    public DataFetchingFieldSelectionSet getSelectionSet() {
        return new OnDemand(delegateEnvironment);
    }

    /** Asks the real selection set only when a method other than the flat {@code getFields()} is called. */
    private record OnDemand(DataFetchingEnvironment environment) implements DataFetchingFieldSelectionSet {

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public boolean contains(String fieldGlobPattern) {
            return environment.getSelectionSet().contains(fieldGlobPattern);
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return environment.getSelectionSet().containsAnyOf(fieldGlobPattern, fieldGlobPatterns);
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return environment.getSelectionSet().containsAllOf(fieldGlobPattern, fieldGlobPatterns);
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return environment.getSelectionSet().getImmediateFields();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return environment.getSelectionSet().getFields(fieldGlobPattern, fieldGlobPatterns);
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return environment.getSelectionSet().getFieldsGroupedByResultKey();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern, String... fieldGlobPatterns) {
            return environment.getSelectionSet().getFieldsGroupedByResultKey(fieldGlobPattern, fieldGlobPatterns);
        }
    }
}
