package io.shopgraph.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** {@code shopgraph.platform-operator-role}: bearer tokens whose {@code groups} claim holds this role may call storeCreate. */
@ConfigMapping(prefix = "shopgraph.platform-operator-role")
public interface OperatorConfig {

    /** The role (docs/identity.md). */
    @WithParentName
    @WithDefault("platform-operator")
    String role();
}
