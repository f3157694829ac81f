package io.shopgraph.platform.graphql.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.shopgraph.platform.graphql.PageRequest;

/**
 * The static cost of an operation, computed from the document and its variables before anything runs
 * (Shopify's model): a scalar or enum field costs 0, an object field 1, a connection 2 plus its page
 * size ({@code first}/{@code last}, at most 100, default 20) times the cost of what is selected in it, a
 * list of objects its length ({@code ids}/{@code first} when given, otherwise {@link #UNBOUNDED_LIST})
 * times its elements, and a mutation field 10. A connection's {@code edges}, {@code nodes} and
 * {@code edge.node} add nothing of their own. Introspection costs 1 per field whatever its lists.
 * <p>
 * Fragments are expanded <em>in the estimate only</em>: the cost of each fragment is computed once and
 * remembered, so 22 fragments each spreading the next twice cost 22 small computations and a number
 * near 2^22, not 2^22 visits. Sums and products saturate at {@link #SATURATED} and never wrap.
 */
public final class QueryCost {

    public static final long SATURATED = 1L << 50;
    public static final int UNBOUNDED_LIST = 10;
    static final int MUTATION_FIELD = 10;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Long> fragmentCosts = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private final Map<String, Object> variables;
    /** Whether the estimate so far read a variable (a page size given as {@code $first}). */
    private boolean readVariable;

    private QueryCost(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.putIfAbsent(f.getName(), f);
            }
        }
    }

    /**
     * The cost of the operation the request names (or of its only operation); when the name does not
     * match a single operation, the highest cost among them (validation refuses the request anyway).
     */
    public static long of(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables) {
        return new QueryCost(schema, document, variables).of(document, operationName);
    }

    /**
     * {@link #of} when the cost does not depend on the variables' values (no page size or list length is a variable),
     * else {@link #VARIES}: computed without variables, so the caller can keep it with the parsed document and skip the
     * walk on every later request of that text (a cart read or add costs the same whatever cart it names).
     */
    public static long withoutVariables(GraphQLSchema schema, Document document, String operationName) {
        QueryCost cost = new QueryCost(schema, document, Map.of());
        long value = cost.of(document, operationName);
        return cost.readVariable ? VARIES : value;
    }

    /** What {@link #withoutVariables} answers when the cost depends on the variables. */
    public static final long VARIES = -1;

    private long of(Document document, String operationName) {
        long highest = 0;
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition op) {
                long c = operation(op);
                if (operationName != null && operationName.equals(op.getName())) {
                    return c;
                }
                highest = Math.max(highest, c);
            }
        }
        return highest;
    }

    private long operation(OperationDefinition op) {
        GraphQLObjectType root = switch (op.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        if (root == null) {
            return 0;
        }
        boolean mutation = op.getOperation() == OperationDefinition.Operation.MUTATION;
        long total = 0;
        for (Selection<?> s : selections(op.getSelectionSet())) {
            long c = selection(s, root, false);
            if (mutation && s instanceof Field) {
                c = add(c, MUTATION_FIELD);
            }
            total = add(total, c);
        }
        return total;
    }

    private long selectionSet(SelectionSet set, GraphQLType parent, boolean introspection) {
        long total = 0;
        for (Selection<?> s : selections(set)) {
            total = add(total, selection(s, parent, introspection));
        }
        return total;
    }

    private long selection(Selection<?> s, GraphQLType parent, boolean introspection) {
        if (s instanceof Field f) {
            return field(f, parent, introspection);
        }
        if (s instanceof InlineFragment i) {
            GraphQLType on = i.getTypeCondition() == null ? parent : schema.getType(i.getTypeCondition().getName());
            return selectionSet(i.getSelectionSet(), on == null ? parent : on, introspection);
        }
        if (s instanceof FragmentSpread spread) {
            return fragment(spread.getName(), introspection);
        }
        return 0;
    }

    private long fragment(String name, boolean introspection) {
        String key = (introspection ? "i:" : "o:") + name;
        Long known = fragmentCosts.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !expanding.add(key)) {
            return 0; // unknown or cyclic: validation refuses the document
        }
        GraphQLType on = schema.getType(definition.getTypeCondition().getName());
        long c = on == null ? 0 : selectionSet(definition.getSelectionSet(), on, introspection);
        expanding.remove(key);
        fragmentCosts.put(key, c);
        return c;
    }

    private long field(Field f, GraphQLType parent, boolean introspection) {
        if (!(GraphQLTypeUtil.unwrapAll(parent) instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        GraphQLFieldDefinition definition = f.getName().equals("__schema") ? schema.getIntrospectionSchemaFieldDefinition()
                : f.getName().equals("__type") ? schema.getIntrospectionTypeFieldDefinition()
                : container.getFieldDefinition(f.getName());
        if (definition == null) {
            return 0; // __typename, or unknown (validation refuses it)
        }
        GraphQLOutputType type = definition.getType();
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (!(named instanceof GraphQLFieldsContainer) && !(GraphQLTypeUtil.unwrapAll(type) instanceof graphql.schema.GraphQLUnionType)) {
            return 0; // scalar or enum
        }
        boolean inIntrospection = introspection || f.getName().startsWith("__") || named.getName().startsWith("__");
        long children = selectionSet(f.getSelectionSet(), named, inIntrospection);
        if (inIntrospection) {
            return add(1, children);
        }
        String parentName = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(parent)).getName();
        if (parentName.endsWith("Connection") && (f.getName().equals("edges") || f.getName().equals("nodes"))
                || parentName.endsWith("Edge") && f.getName().equals("node")) {
            return children; // the page: already multiplied by the connection's page size
        }
        if (named.getName().endsWith("Connection")) {
            return add(2, multiply(pageSize(f), children));
        }
        if (isList(type)) {
            return add(1, multiply(listSize(f), children));
        }
        return add(1, children);
    }

    private static boolean isList(GraphQLOutputType type) {
        GraphQLType t = GraphQLTypeUtil.unwrapNonNull(type);
        return t instanceof GraphQLList;
    }

    private long pageSize(Field f) {
        Long first = intArgument(f, "first");
        Long last = intArgument(f, "last");
        long size = first != null ? first : last != null ? last : PageRequest.DEFAULT_PAGE_SIZE;
        return Math.max(0, Math.min(size, PageRequest.MAX_PAGE_SIZE));
    }

    private long listSize(Field f) {
        for (Argument a : f.getArguments()) {
            Object value = resolve(a.getValue());
            if (value instanceof List<?> list) {
                return list.size();
            }
        }
        Long first = intArgument(f, "first");
        if (first != null) {
            return Math.max(0, Math.min(first, PageRequest.MAX_PAGE_SIZE));
        }
        return UNBOUNDED_LIST;
    }

    private Long intArgument(Field f, String name) {
        for (Argument a : f.getArguments()) {
            if (a.getName().equals(name)) {
                Object value = resolve(a.getValue());
                if (value instanceof Number n) {
                    return n.longValue();
                }
                if (value instanceof java.math.BigInteger b) {
                    return b.signum() < 0 ? 0 : Long.MAX_VALUE;
                }
            }
        }
        return null;
    }

    private Object resolve(Value<?> value) {
        if (value instanceof VariableReference v) {
            readVariable = true;
            return variables.get(v.getName());
        }
        if (value instanceof IntValue i) {
            return i.getValue().bitLength() < 63 ? (Object) i.getValue().longValue() : i.getValue();
        }
        if (value instanceof ArrayValue a) {
            return a.getValues();
        }
        return null;
    }

    private static List<Selection> selections(SelectionSet set) {
        return set == null ? List.of() : set.getSelections();
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum > SATURATED ? SATURATED : sum;
    }

    static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        if (a > SATURATED / b) {
            return SATURATED;
        }
        return Math.min(a * b, SATURATED);
    }
}
