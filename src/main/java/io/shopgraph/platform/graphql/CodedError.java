package io.shopgraph.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.shopgraph.platform.errors.ErrorCode;

/**
 * The only error shape ShopGraph sends: message, locations, path and {@code extensions.code}. It
 * writes its own specification so that no library-added field (such as graphql-java's
 * {@code classification}, which names Java exception types) reaches the client.
 */
record CodedError(String message, List<SourceLocation> locations, List<Object> path, ErrorCode code) implements GraphQLError {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code.name());
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code.name());
    }

    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            spec.put("locations", locations.stream()
                    .map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
                    .collect(Collectors.toList()));
        }
        if (path != null && !path.isEmpty()) {
            spec.put("path", path);
        }
        spec.put("extensions", getExtensions());
        return spec;
    }
}
