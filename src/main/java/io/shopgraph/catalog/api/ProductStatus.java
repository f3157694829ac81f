package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ProductStatus")
@Description("Where a product is in its life; storefronts see only ACTIVE products already published.")
public enum ProductStatus {
    @Description("Being prepared; never visible to storefronts.")
    DRAFT,
    @Description("On sale once its publication date has passed.")
    ACTIVE,
    @Description("No longer sold; never visible to storefronts.")
    ARCHIVED
}
