package io.shopgraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Every root operation of the <b>served</b> schema (read by introspection, so operations added later are
 * covered without a row here) receives a corpus of hostile values in each of its arguments and in each
 * field of its input objects, from a caller holding every credential of one store (storefront token,
 * customer token, owner bearer). No answer may be INTERNAL or HTTP 5xx or name a Java class or package,
 * and no row of any table may change (but the sign-in throttle's, which counts every attempt) unless
 * the operation accepted one of the values as valid (a long name, an emoji).
 */
@QuarkusTest
class HostileInputTest {

    static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
    static final String INTROSPECTION = "{ __schema { queryType { name } mutationType { name } types { name kind "
            + "fields { name args { name type { " + TYPE_REF + " } } type { " + TYPE_REF + " } } enumValues { name } "
            + "inputFields { name type { " + TYPE_REF + " } } } } }";
    static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|io\\.quarkus|io\\.smallrye|io\\.vertx|org\\.hibernate|org\\.postgresql|graphql\\.|io\\.shopgraph)\\.|"
                    + "Exception\\b|SRGQL\\d|\\tat |classification");

    static List<Object> corpus() {
        Map<String, Object> nested = new HashMap<>();
        Map<String, Object> inner = nested;
        for (int i = 0; i < 40; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("a", next);
            inner = next;
        }
        List<Object> values = new ArrayList<>();
        values.add("\u0000");
        values.add("a\u0000b");
        values.add("x".repeat(100_000));
        values.add("1e1000000");
        values.add("-1e-999999");
        values.add("NaN");
        values.add("\uD800");
        values.add("\u202E\uFEFF\uD83D\uDE00\u0301");
        values.add("+999999999-12-31T23:59:59Z");
        values.add("gid://shopgraph/Product/" + "9".repeat(40));
        values.add("' or 1=1 --");
        values.add(1e308);
        values.add(-9223372036854775808L);
        values.add(new java.math.BigInteger("9".repeat(60)));
        values.add(2147483648L);
        values.add(-1);
        values.add(0.5);
        values.add(true);
        values.add(List.of(List.of(List.of("deep"))));
        values.add(nested);
        values.add(null);
        return values;
    }

    record Operation(String kind, String name, List<Map<String, Object>> args, Map<String, Object> type) {
    }

    @Test
    void everyOperationSurvivesTheHostileCorpusWithoutInternalsAndWithoutWriting() throws Exception {
        TestStore store = TestStores.create("hostile");
        String email = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        store.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "right password")));
        String customerToken = store.storefront().execute("mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate("
                + "input: $i) { customerAccessToken { accessToken } } }", Map.of("i", Map.of("email", email, "password", "right password")))
                .getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");
        GraphQL caller = GraphQL.merchant(LocalOidcIssuer.token(store.ownerSubject())).header("X-Storefront-Token", store.storefrontToken())
                .header("X-Customer-Token", customerToken);

        JsonPath schema = caller.execute(INTROSPECTION);
        assertThat(schema.getList("errors")).as(schema.prettify()).isNull();
        Map<String, Map<String, Object>> types = new HashMap<>();
        for (Map<String, Object> t : schema.<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) t.get("name"), t);
        }
        List<Operation> operations = new ArrayList<>();
        for (String kind : List.of("query", "mutation")) {
            String root = schema.getString("data.__schema." + kind + "Type.name");
            for (Map<String, Object> f : list(types.get(root).get("fields"))) {
                operations.add(new Operation(kind, (String) f.get("name"), list(f.get("args")), map(f.get("type"))));
            }
        }
        assertThat(operations).hasSizeGreaterThan(40);

        List<String> problems = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        int unchangedGroups = 0;
        int calls = 0;
        List<Object> corpus = corpus();
        // Fields of input objects get a shorter corpus: the values most likely to break a write.
        List<Object> fieldCorpus = List.of(corpus.get(1), corpus.get(2), corpus.get(3), corpus.get(6), corpus.get(8), corpus.get(11),
                corpus.get(13), corpus.get(18), corpus.get(19));
        for (Operation op : operations) {
            for (Map<String, Object> arg : op.args()) {
                // The argument itself, then (for an input object) each of its fields, gets every hostile value.
                List<List<String>> targets = new ArrayList<>();
                targets.add(List.of());
                Map<String, Object> named = types.get(name(map(arg.get("type"))));
                if (named != null && "INPUT_OBJECT".equals(named.get("kind"))) {
                    for (Map<String, Object> field : list(named.get("inputFields"))) {
                        targets.add(List.of((String) field.get("name")));
                    }
                }
                for (List<String> target : targets) {
                    Map<String, Long> rowsBefore = rowCounts();
                    boolean anyAccepted = false;
                    for (Object bad : target.isEmpty() ? corpus : fieldCorpus) {
                        Map<String, Object> variables = new LinkedHashMap<>();
                        StringBuilder declarations = new StringBuilder();
                        StringBuilder arguments = new StringBuilder();
                        for (Map<String, Object> a : op.args()) {
                            String variable = "v_" + a.get("name");
                            declarations.append(declarations.length() == 0 ? "" : ", ").append("$").append(variable).append(": ")
                                    .append(typeText(map(a.get("type"))));
                            arguments.append(arguments.length() == 0 ? "" : ", ").append(a.get("name")).append(": $").append(variable);
                            Object value = sample(map(a.get("type")), types, 0);
                            if (a == arg) {
                                value = target.isEmpty() ? bad : withField(value, target.get(0), bad);
                            }
                            variables.put(variable, value);
                        }
                        String selection = !isComposite(map(op.type()), types) ? ""
                                : hasField(map(op.type()), types, "userErrors") ? " { __typename userErrors { code } }" : " { __typename }";
                        String document = op.kind() + (declarations.length() == 0 ? "" : "(" + declarations + ")") + " { " + op.name()
                                + (arguments.length() == 0 ? "" : "(" + arguments + ")") + selection + " }";
                        Response response = caller.post(document, variables);
                        calls++;
                        String body = response.asString();
                        String where = op.name() + "(" + arg.get("name") + (target.isEmpty() ? "" : "." + target.get(0)) + " = "
                                + String.valueOf(bad).substring(0, Math.min(30, String.valueOf(bad).length())) + ")";
                        if (response.statusCode() >= 500 || body.contains("\"INTERNAL\"") || JAVA_NAME.matcher(body).find()) {
                            problems.add(where + " -> " + response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
                        }
                        if (op.kind().equals("mutation") && response.statusCode() == 200 && !body.contains("\"errors\"")
                                && !body.contains("\"code\"")) {
                            anyAccepted = true; // a value that is valid after all (a long name, an emoji): it may write
                            writes.add(where);
                        }
                    }
                    if (!anyAccepted) {
                        Map<String, Long> rowsAfter = rowCounts();
                        if (!rowsAfter.equals(rowsBefore)) {
                            problems.add("rows changed by refused values for " + op.name() + " " + arg.get("name") + target + ": "
                                    + rowsBefore + " -> " + rowsAfter);
                        }
                        unchangedGroups++;
                    }
                }
            }
        }
        System.out.println("hostile input: " + calls + " calls to " + operations.size() + " operations; " + unchangedGroups
                + " argument groups wrote nothing; accepted as valid: " + writes);
        assertThat(problems).as("hostile answers").isEmpty();
    }

    private static Object withField(Object sample, String field, Object bad) {
        Map<String, Object> copy = sample instanceof Map<?, ?> m ? new LinkedHashMap<>(map(m)) : new LinkedHashMap<>();
        copy.put(field, bad);
        return copy;
    }

    /** A plausible value of a type, so only the argument under test is hostile. */
    private static Object sample(Map<String, Object> type, Map<String, Map<String, Object>> types, int depth) {
        String kind = (String) type.get("kind");
        if ("NON_NULL".equals(kind)) {
            return sample(map(type.get("ofType")), types, depth);
        }
        if ("LIST".equals(kind)) {
            return List.of(sample(map(type.get("ofType")), types, depth));
        }
        String name = (String) type.get("name");
        Map<String, Object> named = types.get(name);
        switch (name) {
            case "String": return "hostile";
            case "ID": return "gid://shopgraph/Product/" + UUID.randomUUID();
            case "Int": return 1;
            case "Float": return 1.0;
            case "Boolean": return false;
            case "Decimal": return "1.00";
            case "DateTime": return "2026-01-01T00:00:00Z";
            default: break;
        }
        if ("ENUM".equals(kind)) {
            return list(named.get("enumValues")).get(0).get("name");
        }
        if ("INPUT_OBJECT".equals(kind) && depth < 4) {
            Map<String, Object> value = new LinkedHashMap<>();
            for (Map<String, Object> field : list(named.get("inputFields"))) {
                if ("NON_NULL".equals(map(field.get("type")).get("kind"))) {
                    value.put((String) field.get("name"), sample(map(field.get("type")), types, depth + 1));
                }
            }
            return value;
        }
        return "hostile";
    }

    private static boolean hasField(Map<String, Object> type, Map<String, Map<String, Object>> types, String field) {
        return types.get(name(type)) != null && types.get(name(type)).get("fields") instanceof List<?> fields
                && fields.stream().anyMatch(f -> field.equals(((Map<?, ?>) f).get("name")));
    }

    private static boolean isComposite(Map<String, Object> type, Map<String, Map<String, Object>> types) {
        String kind = types.get(name(type)) == null ? null : (String) types.get(name(type)).get("kind");
        return "OBJECT".equals(kind) || "INTERFACE".equals(kind) || "UNION".equals(kind);
    }

    private static String name(Map<String, Object> type) {
        return type.get("name") != null ? (String) type.get("name") : name(map(type.get("ofType")));
    }

    private static String typeText(Map<String, Object> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> typeText(map(type.get("ofType"))) + "!";
            case "LIST" -> "[" + typeText(map(type.get("ofType"))) + "]";
            default -> (String) type.get("name");
        };
    }

    /** Rows of every table of the service, read as the database superuser (row-level security does not hide any). */
    private static Map<String, Long> rowCounts() throws Exception {
        String url = System.getProperty("quarkus.datasource.jdbc.url");
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("select schemaname || '.' || tablename from pg_tables where schemaname not in "
                    + "('pg_catalog', 'information_schema', 'public') order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            // The sign-in throttle records every attempt before checking it, refused or not: that is its job.
            tables.remove("customers.login_throttle");
            // Analytics tables are derived data that the outbox consumer writes in the background (events of earlier
            // tests may still be arriving), and storeAnalytics refreshes its rollups from them: not a request's writes.
            tables.removeIf(t -> t.startsWith("analytics."));
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        assertThat(counts).isNotEmpty();
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
