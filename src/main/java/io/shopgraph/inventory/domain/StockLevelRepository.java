package io.shopgraph.inventory.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StockLevelRepository implements PanacheRepositoryBase<StockLevel, UUID> {
}
