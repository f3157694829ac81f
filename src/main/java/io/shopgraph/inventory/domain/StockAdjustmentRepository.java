package io.shopgraph.inventory.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StockAdjustmentRepository implements PanacheRepositoryBase<StockAdjustment, UUID> {
}
