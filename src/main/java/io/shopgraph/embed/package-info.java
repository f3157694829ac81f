/**
 * Embed: the static front-end package that turns any web page into a shop with one script tag
 * ({@code /embed/v1/shopgraph.js}, a short-lived loader, and the content-hashed, immutable ES module it imports).
 * The widget talks to the public GraphQL API like any other storefront (storefront token, session token, CORS), so
 * this module serves files and depends on no other module; see docs/embed.md.
 */
@Module(name = "embed", allowedDependencies = { "platform" }, exposedPackages = "io.shopgraph.embed.api..")
package io.shopgraph.embed;

import io.shopgraph.platform.Module;
