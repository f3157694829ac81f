package io.shopgraph.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Dev mode only: {@code GET /dev/oidc-issuer} answers the URL of Quarkus's Docker-free dev OIDC server, which
 * listens on a new random port at every start (it has no port setting), so that the README's merchant-token
 * commands work by copy-paste: {@code OIDC=$(curl -s localhost:8080/dev/oidc-issuer)}. Not built into other
 * profiles.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevOidcIssuerRoute {

    void install(@Observes Router router) {
        router.get("/dev/oidc-issuer").handler(ctx -> {
            String issuer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                    .orElse("");
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .setStatusCode(issuer.isEmpty() ? 404 : 200).end(issuer);
        });
    }
}
