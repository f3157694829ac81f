package io.shopgraph.catalog.application.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ProductSortKey")
@Description("How a list of products is ordered. Ties are broken by id, so cursors stay stable.")
public enum ProductSortKey {
    @Description("By id, i.e. by creation order (ids are time-ordered).")
    ID("p.id", "uuid", false),
    @Description("By title, case-insensitively.")
    TITLE("lower(p.title)", "text", false),
    @Description("By lowest variant price.")
    PRICE("p.min_price_minor", "bigint", false),
    @Description("By creation date.")
    CREATED_AT("p.created_at", "timestamptz", false),
    @Description("By units sold, most sold first.")
    BEST_SELLING("p.units_sold", "bigint", true),
    @Description("In the merchant's order of the collection; only for a collection's products.")
    COLLECTION_DEFAULT("cp.position", "int", false),
    @Description("By search relevance (title before tags and vendor before description), best first; only with a text query.")
    RELEVANCE(SearchText.RANK, "numeric", true);

    final String expression;
    final String sqlType;
    final boolean descendingByDefault;

    ProductSortKey(String expression, String sqlType, boolean descendingByDefault) {
        this.expression = expression;
        this.sqlType = sqlType;
        this.descendingByDefault = descendingByDefault;
    }
}
