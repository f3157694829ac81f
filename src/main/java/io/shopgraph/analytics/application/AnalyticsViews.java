package io.shopgraph.analytics.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.analytics.domain.AnalyticsGranularity;
import io.shopgraph.analytics.domain.Figures;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.Money;

/** The read models of the analytics module, as the API shows them. */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    @Type("StoreAnalytics")
    @Description("A store's figures over a period of local days, split into buckets; definitions in docs/analytics.md.")
    public record StoreAnalyticsView(
            @NonNull @Description("The first local day of the period.") LocalDate from,
            @NonNull @Description("The last local day of the period (included).") LocalDate to,
            @NonNull @Description("The IANA time zone the days are read in.") String timezone,
            @NonNull @Description("How the period is split into buckets.") AnalyticsGranularity granularity,
            @NonNull @Description("The figures of the whole period.") AnalyticsFiguresView totals,
            @NonNull @Description("The figures of each bucket, in order (every bucket of the period, zeros included).") List<@NonNull AnalyticsBucketView> buckets,
            @NonNull @Description("Checkout drop-off by step: of the checkouts started in the period, how many completed each step.") List<@NonNull CheckoutStepView> checkoutFunnel,
            @NonNull @Description("The most purchased products of the period (then most added, most viewed).") List<@NonNull ProductAnalyticsView> topProducts,
            @NonNull @Description("The referring hosts that brought the most sessions; '(direct)' for none.") List<@NonNull TrafficSourceView> topReferrers,
            @NonNull @Description("The landing pages (paths) of the most sessions.") List<@NonNull TrafficSourceView> topLandingPages,
            @NonNull @Description("The UTM campaigns of the most sessions (sessions without a campaign are not listed).") List<@NonNull TrafficSourceView> topCampaigns) {
    }

    @Type("AnalyticsBucket")
    @Description("The figures of one day, week or month of the period.")
    public record AnalyticsBucketView(
            @NonNull @Description("The bucket's first local day (a week starts on Monday, a month on the 1st; the first bucket may start before the period).") LocalDate start,
            @NonNull @Description("The bucket's figures (counting only what falls inside the period).") AnalyticsFiguresView figures) {
    }

    @Type("AnalyticsFigures")
    @Description("Counters and rates of a period or bucket.")
    public record AnalyticsFiguresView(
            @NonNull @Description("Shopper sessions started.") long sessions,
            @NonNull @Description("Carts created.") long cartsCreated,
            @NonNull @Description("Carts that got their first line.") long cartsWithLines,
            @NonNull @Description("Checkouts started.") long checkoutsStarted,
            @NonNull @Description("Orders placed.") long orders,
            @NonNull @Description("The total of the orders placed (gross: cancellations and refunds are not taken off).") MoneyView revenue,
            @NonNull @Description("Money paid back on orders (refunds, cancellations of paid orders), counted when it was paid back.") MoneyView refunds,
            @NonNull @Description("revenue less refunds of the same period.") MoneyView netRevenue,
            @NonNull @Description("Orders cancelled, counted when they were cancelled.") long ordersCancelled,
            @Description("Revenue over orders, rounded to the currency's minor unit; null without orders.") MoneyView averageOrderValue,
            @Description("Orders over sessions (0..1, or above when orders come without sessions); null without sessions.") Double conversionRate,
            @NonNull @Description("Of the carts with lines, those with an order placed within the abandonment window after their last line change.") long cartsOrdered,
            @NonNull @Description("Of the carts with lines, those with no order within the abandonment window (merged carts excluded).") long abandonedCarts,
            @NonNull @Description("Carts with lines whose abandonment window has not ended yet, without order: counted in no rate until it ends.") long cartsAwaitingOrder,
            @Description("Abandoned carts over carts with lines whose outcome is known (ordered, or window over; merged carts excluded); null when there is none.") Double cartAbandonmentRate) {

        static AnalyticsFiguresView of(Figures f, String currency) {
            Long aov = f.averageOrderValueMinor();
            return new AnalyticsFiguresView(f.sessions(), f.cartsCreated(), f.cartsWithLines(), f.checkoutsStarted(), f.orders(),
                    MoneyView.of(Money.of(f.revenueMinor(), currency)), MoneyView.of(Money.of(f.refundsMinor(), currency)),
                    MoneyView.of(Money.of(f.netRevenueMinor(), currency)), f.ordersCancelled(), aov == null ? null : MoneyView.of(Money.of(aov, currency)),
                    f.conversionRate(), f.cartsOrdered(), f.abandonedCarts(), f.cartsPending(), f.cartAbandonmentRate());
        }
    }

    @Type("CheckoutStepFigure")
    @Description("One step of the checkout funnel.")
    public record CheckoutStepView(
            @NonNull @Description("The step's position (1 = first).") int stepIndex,
            @NonNull @Description("The step's name, as checkout reports it (e.g. CONTACT, SHIPPING, PAYMENT).") String step,
            @NonNull @Description("Checkouts started in the period that completed this step.") long reached,
            @NonNull @Description("Checkouts that completed the previous step (or started, for the first) but not this one.") long dropOff,
            @Description("dropOff over the previous stage's count; null when that is 0.") Double dropOffRate) {
    }

    @Type("ProductAnalytics")
    @Description("What shoppers did with one product in the period.")
    public record ProductAnalyticsView(
            @NonNull @Id @Description("The product's global id.") String productId,
            @NonNull @Description("Product views recorded by the storefront.") long views,
            @NonNull @Description("Units added to carts.") long adds,
            @NonNull @Description("Units in orders placed.") long purchases) {
    }

    @Type("TrafficSource")
    @Description("A referrer host, landing path or UTM campaign with the sessions it brought.")
    public record TrafficSourceView(
            @NonNull @Description("The referrer host, landing path or campaign.") String value,
            @NonNull @Description("Sessions started with it in the period.") long sessions) {
    }

    @Type("AbandonedCart")
    @Description("A cart with lines and contact details and no order within the abandonment window: for recovery emails.")
    public record AbandonedCartView(
            @Ignore UUID id,
            @NonNull @Id @Description("The cart's global id (a recovery link takes the shopper back to it while it has not expired).") String cartId,
            @Id @Description("The signed-in customer the cart belongs to, if any.") String customerId,
            @Description("The email given for the cart, if any.") String email,
            @Description("The phone given for the cart (E.164), if any.") String phone,
            @Description("The country given for the cart, if any.") String countryCode,
            @Description("When the cart was created.") Instant createdAt,
            @NonNull @Description("The cart's last line change: the window started then.") Instant lastActivityAt,
            @NonNull @Description("The units in the cart.") long totalQuantity,
            @NonNull @Description("The lines' quantities times their unit prices at the time they were added or changed.") MoneyView subtotal,
            @Ignore String cursor) {
    }

    @Type("AbandonedCartLine")
    @Description("A line of an abandoned cart, as it stood.")
    public record AbandonedCartLineView(
            @Ignore UUID cart,
            @Id @Description("The variant's global id.") String merchandiseId,
            @Id @Description("The product's global id.") String productId,
            @NonNull @Description("Units.") int quantity,
            @NonNull @Description("The unit price when the line was added or last changed.") MoneyView unitPrice) {
    }
}
