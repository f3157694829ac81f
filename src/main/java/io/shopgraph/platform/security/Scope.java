package io.shopgraph.platform.security;

/**
 * What a merchant principal may do in a store. Staff roles grant a fixed set of scopes; partner
 * apps are granted scopes one by one. Every merchant operation declares the one scope it needs.
 */
public enum Scope {
    READ_PRODUCTS,
    WRITE_PRODUCTS,
    READ_ORDERS,
    WRITE_ORDERS,
    READ_CUSTOMERS,
    WRITE_CUSTOMERS,
    READ_ANALYTICS,
    WRITE_DISCOUNTS,
    READ_SETTINGS,
    WRITE_SETTINGS,
    MANAGE_STAFF
}
