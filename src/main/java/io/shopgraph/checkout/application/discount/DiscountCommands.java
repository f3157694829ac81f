package io.shopgraph.checkout.application.discount;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.checkout.domain.discount.DiscountErrorCode;
import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.checkout.domain.pricing.Discount;
import io.shopgraph.checkout.domain.pricing.DiscountClass;
import io.shopgraph.checkout.domain.pricing.DiscountKind;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/** A merchant creates a discount (a shopper puts codes on a cart through {@link io.shopgraph.checkout.application.pricing.CartDiscountCodes}). */
@ApplicationScoped
public class DiscountCommands {

    /** What a merchant asks for; validated here. {@code code} null: automatic. */
    public record NewDiscount(String code, String title, DiscountKind kind, long value, boolean eachItem, Set<UUID> productIds,
            Set<UUID> variantIds, Set<UUID> collectionIds, long minimumSubtotalMinor, int minimumQuantity, int buyQuantity,
            int getQuantity, Set<DiscountClass> combinesWith, Instant startsAt, Instant endsAt, Integer usageLimit,
            Integer perCustomerLimit) {
    }

    private final EntityManager em;
    private final TenantContext tenant;

    DiscountCommands(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    @Transactional
    public StoredDiscount create(NewDiscount in) {
        String code = in.code() == null ? null : StoredDiscount.normalize(in.code());
        if (code != null && (code.isEmpty() || code.length() > 64 || !code.chars().allMatch(c -> c > 32 && c < 127))) {
            throw invalid("code", "A code is 1 to 64 printable ASCII characters without spaces.");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty() || title.length() > 255) {
            throw invalid("title", "A title is 1 to 255 characters.");
        }
        if (in.endsAt() != null && in.startsAt() != null && !in.endsAt().isAfter(in.startsAt())) {
            throw invalid("endsAt", "endsAt must be after startsAt.");
        }
        if ((in.usageLimit() != null && in.usageLimit() < 1) || (in.perCustomerLimit() != null && in.perCustomerLimit() < 1)) {
            throw invalid("usageLimit", "Usage limits are at least 1.");
        }
        if (in.kind() == DiscountKind.FIXED_AMOUNT && in.value() > 100_000_000_000L) {
            throw invalid("value", "The amount is too large.");
        }
        Discount discount;
        UUID id = Ids.newId();
        try {
            discount = new Discount(id, code, title, in.kind(), in.value(), in.eachItem(), orEmpty(in.productIds()), orEmpty(in.variantIds()),
                    orEmpty(in.collectionIds()), in.minimumSubtotalMinor(), in.minimumQuantity(),
                    in.kind() == DiscountKind.BUY_X_GET_Y ? in.buyQuantity() : 0, in.kind() == DiscountKind.BUY_X_GET_Y ? in.getQuantity() : 0,
                    orEmpty(in.combinesWith()));
        } catch (IllegalArgumentException e) {
            throw invalid("value", "The value, minimums or quantities are out of bounds: " + e.getMessage() + ".");
        }
        if (in.productIds() != null && in.productIds().size() + orEmpty(in.variantIds()).size() + orEmpty(in.collectionIds()).size() > 250) {
            throw invalid("productIds", "At most 250 targets.");
        }
        UUID store = tenant.requireStore().value();
        if (code != null && !em.createNativeQuery("select 1 from checkout.discount where store_id = :store and code = :code")
                .setParameter("store", store).setParameter("code", code).getResultList().isEmpty()) {
            throw new DomainException(DiscountErrorCode.CODE_TAKEN, List.of("input", "code"), "Another discount already has this code.");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant startsAt = in.startsAt() == null ? now : in.startsAt();
        em.createNativeQuery("insert into checkout.discount (store_id, id, code, title, kind, value, each_item, product_ids, variant_ids, "
                + "collection_ids, minimum_subtotal, minimum_quantity, buy_quantity, get_quantity, combines_with, starts_at, ends_at, usage_limit, "
                + "per_customer_limit, created_at) values (:store, :id, :code, :title, :kind, :value, :each, "
                + "cast(:products as uuid[]), cast(:variants as uuid[]), cast(:collections as uuid[]), :minSubtotal, :minQuantity, :buy, :get, "
                + "cast(:combines as text[]), :startsAt, :endsAt, :usageLimit, :perCustomer, :now) on conflict do nothing")
                .setParameter("store", store).setParameter("id", id).setParameter("code", code).setParameter("title", title)
                .setParameter("kind", in.kind().name()).setParameter("value", in.value()).setParameter("each", in.eachItem())
                .setParameter("products", array(discount.productIds())).setParameter("variants", array(discount.variantIds()))
                .setParameter("collections", array(discount.collectionIds())).setParameter("minSubtotal", in.minimumSubtotalMinor())
                .setParameter("minQuantity", in.minimumQuantity()).setParameter("buy", discount.buyQuantity())
                .setParameter("get", discount.getQuantity()).setParameter("combines", array(discount.combinesWith()))
                .setParameter("startsAt", startsAt).setParameter("endsAt", in.endsAt()).setParameter("usageLimit", in.usageLimit())
                .setParameter("perCustomer", in.perCustomerLimit()).setParameter("now", now).executeUpdate();
        return new StoredDiscount(discount, startsAt, in.endsAt(), in.usageLimit(), in.perCustomerLimit(), 0, now);
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(DiscountErrorCode.INVALID_INPUT, List.of("input", field), message);
    }

    private static <T> Set<T> orEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }

    private static String array(Set<?> values) {
        return "{" + String.join(",", values.stream().map(Object::toString).toList()) + "}";
    }
}
