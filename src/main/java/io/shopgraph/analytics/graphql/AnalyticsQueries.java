package io.shopgraph.analytics.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.analytics.application.AnalyticsReports;
import io.shopgraph.analytics.application.AnalyticsViews.AbandonedCartLineView;
import io.shopgraph.analytics.application.AnalyticsViews.AbandonedCartView;
import io.shopgraph.analytics.application.AnalyticsViews.StoreAnalyticsView;
import io.shopgraph.analytics.domain.AnalyticsGranularity;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** The merchant's analytics (scope read_analytics); definitions of every figure in docs/analytics.md. */
@GraphQLApi
public class AnalyticsQueries {

    private final AnalyticsReports reports;
    private final StoreAccess access;

    AnalyticsQueries(AnalyticsReports reports, StoreAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @Query("storeAnalytics")
    @MerchantOperation(Scope.READ_ANALYTICS)
    @NonNull
    @Description("Merchant: the store's figures for the local days from..to (both included), per day, week or month, read in "
            + "a time zone (the store's by default): sessions, carts, checkouts, orders, revenue, average order value, conversion, "
            + "cart abandonment, checkout drop-off by step, top products, referrers, landing pages and campaigns. Needs the "
            + "read_analytics scope.")
    public StoreAnalyticsView storeAnalytics(
            @NonNull @Name("from") @Description("The first local day.") LocalDate from,
            @NonNull @Name("to") @Description("The last local day (included); at most 1,100 days after from by default.") LocalDate to,
            @Name("granularity") @DefaultValue("DAY") @Description("How to split the period.") AnalyticsGranularity granularity,
            @Name("timezone") @Description("An IANA time zone (e.g. America/New_York); the store's when omitted.") String timezone,
            @Name("top") @Description("Entries per top list (default 10, at most 50).") Integer top) {
        return reports.report(access.requireMerchant(Scope.READ_ANALYTICS).store(), from, to, granularity, timezone, top);
    }

    @Query("abandonedCarts")
    @MerchantOperation(Scope.READ_ANALYTICS)
    @NonNull
    @Description("Merchant: carts with contact details (email or phone) and lines, with no order placed within the abandonment "
            + "window after their last line change, whose last change falls on the store's local days from..to; newest first. "
            + "For recovery emails. Needs the read_analytics scope.")
    public AbandonedCartConnection abandonedCarts(
            @Name("first") @Description("How many to return (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return carts after this cursor.") String after,
            @NonNull @Name("from") @Description("The first local day (store's time zone).") LocalDate from,
            @NonNull @Name("to") @Description("The last local day (included).") LocalDate to) {
        PageRequest request = PageRequest.forward(first, after);
        return AbandonedCartConnection.of(reports.abandonedCarts(access.requireMerchant(Scope.READ_ANALYTICS).store(), from, to, request));
    }

    @MerchantOperation(Scope.READ_ANALYTICS)
    @NonNull
    @Description("The cart's lines as they stood (one statement for every cart of the page).")
    public List<@NonNull List<@NonNull AbandonedCartLineView>> lines(@Source List<AbandonedCartView> carts) {
        return reports.lines(access.requireMerchant(Scope.READ_ANALYTICS).store(), carts);
    }

    @Type("AbandonedCartConnection")
    @Description("A page of abandoned carts, newest activity first.")
    public record AbandonedCartConnection(
            @NonNull @Description("The carts of this page with their cursors.") List<@NonNull AbandonedCartEdge> edges,
            @NonNull @Description("The carts of this page.") List<@NonNull AbandonedCartView> nodes,
            @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {

        static AbandonedCartConnection of(Page<AbandonedCartView> page) {
            List<AbandonedCartEdge> edges = page.items().stream().map(c -> new AbandonedCartEdge(c.cursor(), c)).toList();
            return new AbandonedCartConnection(edges, page.items(), new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                    edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
        }
    }

    @Type("AbandonedCartEdge")
    @Description("An abandoned cart and its cursor.")
    public record AbandonedCartEdge(
            @NonNull @Description("The cursor to pass as after.") String cursor,
            @NonNull @Description("The cart.") AbandonedCartView node) {
    }
}
