package io.shopgraph.catalog.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProductMetafieldRepository implements PanacheRepositoryBase<ProductMetafield, UUID> {
}
