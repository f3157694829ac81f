package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ProductKind")
@Description("What kind of thing a product is; decides shipping and delivery.")
public enum ProductKind {
    @Description("A physical good that is shipped.")
    PHYSICAL,
    @Description("A digital good delivered as a download.")
    DIGITAL,
    @Description("A service, nothing is shipped.")
    SERVICE,
    @Description("A gift card.")
    GIFT_CARD
}
