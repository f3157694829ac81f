package io.shopgraph.platform.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Test-only: a GraphQL request carrying {@link #HEADER} fails inside the HTTP layer the way a library bug
 * would, so the test can check what any launch mode answers to it (Quarkus' error page shows the stack
 * trace in dev and test mode; production must never).
 */
@ApplicationScoped
public class TestFailureRoute {

    static final String HEADER = "X-Test-Fail";
    static final String SECRET = "org.postgresql.util.PSQLException: select secret from store.token";

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-103).handler(ctx -> {
            if (ctx.request().getHeader(HEADER) != null) {
                ctx.fail(new IllegalStateException(SECRET));
            } else {
                ctx.next();
            }
        });
    }
}
