package io.shopgraph.platform.graphql;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** The HTTP request being served on this thread, for code that graphql-java calls without it (instrumentation, JDBC). */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    /** The request's routing context, or null outside an HTTP request (jobs, startup, event dispatch). */
    public static RoutingContext routingContext() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        return arc.instance(CurrentVertxRequest.class).get().getCurrent();
    }
}
