/**
 * Platform: the technical shared kernel every module may use. Money and ids, the tenancy context,
 * the error model, GraphQL plumbing (connections, scalars, limits, error codes, {@code node}),
 * persistence helpers and the security seam. It holds no business rules and depends on no module.
 */
@Module(name = "platform", exposedPackages = "io.shopgraph.platform..")
package io.shopgraph.platform;
