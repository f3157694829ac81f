package io.shopgraph.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Browser access (CORS) to the API: {@link CorsRoute}. */
@ConfigMapping(prefix = "shopgraph.cors")
public interface CorsConfig {

    /**
     * How long a browser may reuse a preflight answer ({@code Access-Control-Max-Age}); browsers cap it
     * themselves (Chromium at 2 hours, Firefox at 24).
     */
    @WithDefault("2H")
    Duration maxAge();
}
