package io.shopgraph.platform.graphql;

import io.vertx.core.json.JsonObject;

/**
 * The envelope of a GraphQL-over-HTTP JSON request, checked without trusting the JSON library with
 * hostile input: one linear scan bounds nesting depth and number length before the body is decoded
 * (Jackson would fail with an exception past 1,000 levels, and SmallRye with HTTP 500), then the
 * decoded object must have the parameter types of the GraphQL-over-HTTP specification.
 */
final class JsonEnvelope {

    static final int MAX_NUMBER_LENGTH = 100;

    private JsonEnvelope() {
    }

    /** Null when {@code json} nests at most {@code maxDepth} levels and has no overlong number; else the problem. */
    static String problem(String json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        int numberLength = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+') {
                if (++numberLength > MAX_NUMBER_LENGTH) {
                    return "The request body has a number longer than " + MAX_NUMBER_LENGTH + " characters.";
                }
                continue;
            }
            numberLength = 0;
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    return "The request body is nested deeper than " + maxDepth + " levels.";
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    /** Null when the parameters have their specified types; else the problem. */
    static String shapeProblem(JsonObject body) {
        Object query = body.getValue("query");
        if (query == null) {
            return "The request has no query: send {\"query\": \"...\"}.";
        }
        if (!(query instanceof String)) {
            return "The query parameter must be a string.";
        }
        Object operationName = body.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "The operationName parameter must be a string or null.";
        }
        Object variables = body.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return "The variables parameter must be an object or null.";
        }
        Object extensions = body.getValue("extensions");
        if (extensions != null && !(extensions instanceof JsonObject)) {
            return "The extensions parameter must be an object or null.";
        }
        return null;
    }
}
