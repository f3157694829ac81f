package io.shopgraph.checkout.application.pricing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.checkout.domain.discount.DiscountErrorCode;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Counts the uses of the discounts an order got, at order placement (docs/pricing.md, "Usage limits"). Checkout
 * completion calls {@link #reserve} inside its order transaction: if it throws, that transaction rolls back and
 * nothing is counted. Limits hold under any concurrency because the count moves by a conditional update (the row
 * lock it takes also serialises the per-customer count), with a CHECK constraint as the backstop.
 */
@ApplicationScoped
public class DiscountUsage {

    private final NativeRows db;
    private final TenantContext tenant;

    DiscountUsage(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /**
     * Records one use of each discount that applied to {@code priced} for order {@code orderId}, in discount-id
     * order (a fixed lock order, so two orders never deadlock). Idempotent per order: a second call for the same
     * order counts nothing again.
     *
     * @param customerId the signed-in customer, or null
     * @param email the buyer's email (a guest's per-customer key), or null
     * @throws DomainException {@link DiscountErrorCode#USAGE_LIMIT_REACHED} (field {@code discountCodes}) when a
     *         discount is used up in all or for this customer, or {@link DiscountErrorCode#EXPIRED} when it has ended
     */
    @Transactional
    public void reserve(PricedCart priced, UUID customerId, String email, UUID orderId) {
        String customerKey = customerId != null ? customerId.toString() : email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        List<PricedCart.DiscountApplication> applied = priced.discountApplications().stream()
                .sorted(Comparator.comparing(PricedCart.DiscountApplication::discountId)).toList();
        UUID store = tenant.requireStore().value();
        for (PricedCart.DiscountApplication a : applied) {
            int inserted = db.sql("insert into checkout.discount_usage (store_id, discount_id, order_id, customer_key, created_at) "
                    + "values (:store, :discount, :order, :customer, now()) on conflict do nothing")
                    .param("store", store).param("discount", a.discountId()).param("order", orderId)
                    .param("customer", customerKey).update();
            if (inserted == 0) {
                continue; // this order counted it already
            }
            List<Object[]> rows = db.sql("update checkout.discount set used_count = used_count + 1 "
                    + "where store_id = :store and id = :discount and (usage_limit is null or used_count < usage_limit) "
                    + "and (ends_at is null or ends_at > now()) returning per_customer_limit, used_count")
                    .param("store", store).param("discount", a.discountId()).list();
            if (rows.isEmpty()) {
                throw refused(a, "has been used as often as it may be, or has ended");
            }
            Object perCustomer = rows.get(0)[0];
            if (perCustomer != null && customerKey != null) {
                long used = ((Number) db.sql("select count(*) from checkout.discount_usage where store_id = :store "
                        + "and discount_id = :discount and customer_key = :customer")
                        .param("store", store).param("discount", a.discountId()).param("customer", customerKey)
                        .value()).longValue();
                if (used > ((Number) perCustomer).longValue()) {
                    throw refused(a, "has been used as often as one customer may");
                }
            }
        }
    }

    /** Gives back the uses an order counted (a cancelled or expired order). Idempotent. */
    @Transactional
    public void release(UUID orderId) {
        UUID store = tenant.requireStore().value();
        db.sql("with gone as (delete from checkout.discount_usage where store_id = :store and order_id = :order "
                + "returning discount_id) update checkout.discount d set used_count = used_count - 1 from gone "
                + "where d.store_id = :store and d.id = gone.discount_id")
                .param("store", store).param("order", orderId).update();
    }

    private static DomainException refused(PricedCart.DiscountApplication a, String why) {
        String name = a.code() != null ? "The code " + a.code() : "The discount " + a.title();
        return new DomainException(DiscountErrorCode.USAGE_LIMIT_REACHED, List.of("discountCodes"), name + " " + why + ".");
    }
}
