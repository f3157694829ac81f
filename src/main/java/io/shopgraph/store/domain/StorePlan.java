package io.shopgraph.store.domain;

/** The subscription plan of a store; plans carry the store's limits. */
public enum StorePlan {
    STARTER(10),
    GROWTH(50),
    ENTERPRISE(500);

    private final int maxStorefrontTokens;

    StorePlan(int maxStorefrontTokens) {
        this.maxStorefrontTokens = maxStorefrontTokens;
    }

    public int maxStorefrontTokens() {
        return maxStorefrontTokens;
    }
}
