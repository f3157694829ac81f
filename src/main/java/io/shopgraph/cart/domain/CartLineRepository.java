package io.shopgraph.cart.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CartLineRepository implements PanacheRepositoryBase<CartLine, UUID> {
}
