package io.shopgraph.platform.graphql;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request body limits of /graphql ({@code shopgraph.http.*}); README lists them. */
@ConfigMapping(prefix = "shopgraph.http")
public interface HttpConfig {

    /** The largest body of a merchant's request (quarkus.http.limits.max-body-size reads it; 2M by default there). */
    Optional<MemorySize> maxBodySize();

    /** Requests without a merchant token (storefronts, customers, anonymous) are held to this smaller limit. */
    @WithDefault("256K")
    MemorySize maxPublicBodySize();
}
