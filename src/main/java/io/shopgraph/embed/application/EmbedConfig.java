package io.shopgraph.embed.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embed's HTTP caching (docs/embed.md). */
@ConfigMapping(prefix = "shopgraph.embed")
public interface EmbedConfig {

    /**
     * How long browsers and CDNs may keep the loader {@code /embed/v1/shopgraph.js}: the delay before a new release
     * reaches pages that already loaded the old one. The module it imports is immutable and cached for a year.
     */
    @WithDefault("5M")
    Duration loaderMaxAge();
}
