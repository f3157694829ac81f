package io.shopgraph.platform.security;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/**
 * What a merchant principal may do in a store. Staff roles grant a fixed set of scopes; partner
 * apps are granted scopes one by one. Every merchant operation declares the one scope it needs.
 */
@Enum("AccessScope")
@Description("A permission in one store. Staff roles grant a fixed set; partner apps are granted scopes one by one.")
public enum Scope {
    @Description("Read products, variants and collections.")
    READ_PRODUCTS,
    @Description("Create, change and delete products, variants and collections.")
    WRITE_PRODUCTS,
    @Description("Read orders.")
    READ_ORDERS,
    @Description("Change orders: fulfil, refund, cancel.")
    WRITE_ORDERS,
    @Description("Read customer accounts.")
    READ_CUSTOMERS,
    @Description("Change customer accounts.")
    WRITE_CUSTOMERS,
    @Description("Read analytics.")
    READ_ANALYTICS,
    @Description("Read discounts: codes and automatic discounts, with their rules, status and usage.")
    READ_DISCOUNTS,
    @Description("Create and change discounts.")
    WRITE_DISCOUNTS,
    @Description("Read store settings and storefront access tokens.")
    READ_SETTINGS,
    @Description("Change store settings and storefront access tokens.")
    WRITE_SETTINGS,
    @Description("Read webhook subscriptions and their deliveries.")
    READ_WEBHOOKS,
    @Description("Create, change, delete and replay webhook subscriptions (each topic also needs the read scope of its resource).")
    WRITE_WEBHOOKS,
    @Description("Read payment settings: the provider, the Stripe publishable key and hints of the secrets (never the secrets).")
    READ_PAYMENT_SETTINGS,
    @Description("Connect, rotate and disconnect the store's Stripe account.")
    WRITE_PAYMENT_SETTINGS,
    @Description("Manage staff members and partner apps. Owners only; never granted to an app.")
    MANAGE_STAFF
}
