package io.shopgraph.orders.application;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The rows of balance requests (one per deposit order) and their payment links, each method one short transaction:
 * {@link OrderBalances} calls the payment provider between them, with no transaction open.
 */
@ApplicationScoped
public class BalanceRequests {

    /** The link token's prefix; the store's id follows it, so the hosted page can bind the store before looking the token up. */
    static final String LINK_PREFIX = "opl_";

    /** One balance request: what is asked, the shopper's link token and the payment once started. */
    public record Row(UUID id, UUID orderId, long orderNumber, String idempotencyKey, long amountMinor, String currencyCode, String linkToken,
            UUID paymentId, Instant createdAt) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final OrderCommands commands;

    BalanceRequests(EntityManager em, TenantContext tenant, OrderCommands commands) {
        this.em = em;
        this.tenant = tenant;
        this.commands = commands;
    }

    /**
     * The order's balance request: the existing one for the same key (a replay), or a new one for the balance still
     * due. Under the order's lock, so two concurrent requests (or a request and a waive) serialise.
     */
    @Transactional
    public Row claim(UUID orderId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255 || idempotencyKey.indexOf('\u0000') >= 0) {
            throw new DomainException(OrderErrorCode.INVALID_INPUT, List.of("idempotencyKey"), "Send an idempotency key of 1 to 255 characters.");
        }
        if (!commands.lockExists(orderId)) {
            throw OrderCommands.notFound();
        }
        Optional<Row> existing = byOrder(orderId);
        if (existing.isPresent()) {
            if (!existing.get().idempotencyKey().equals(idempotencyKey)) {
                throw new DomainException(OrderErrorCode.ALREADY_REQUESTED, List.of("orderId"),
                        "The balance was already requested; the order's balanceRequest has the payment link.");
            }
            return existing.get();
        }
        OrderCommands.BalanceDue due = commands.lockBalanceDue(orderId);
        UUID store = store();
        String token = OpaqueTokens.newToken(LINK_PREFIX + HexFormat.of().formatHex(toBytes(store)) + "_");
        em.createNativeQuery("insert into orders.balance_request (store_id, id, order_id, idempotency_key, amount_minor, currency_code, "
                + "link_token, link_token_hash, created_at) values (:store, :id, :order, :key, :amount, :currency, :token, :hash, now())")
                .setParameter("store", store).setParameter("id", Ids.newId()).setParameter("order", orderId).setParameter("key", idempotencyKey)
                .setParameter("amount", due.amountMinor()).setParameter("currency", due.currency()).setParameter("token", token)
                .setParameter("hash", OpaqueTokens.hash(token)).executeUpdate();
        return byOrder(orderId).orElseThrow();
    }

    /** Records the started payment on the request (once). */
    @Transactional
    public void attach(UUID requestId, UUID paymentId) {
        em.createNativeQuery("update orders.balance_request set payment_id = :payment where store_id = :store and id = :id and payment_id is null")
                .setParameter("payment", paymentId).setParameter("store", store()).setParameter("id", requestId).executeUpdate();
    }

    @Transactional
    public Optional<Row> byOrder(UUID orderId) {
        return rows("r.order_id = :value", orderId).stream().findFirst();
    }

    /** The requests of these orders (one statement: Order.paymentPlan of a page of orders). */
    @Transactional
    public List<Row> byOrders(List<UUID> orderIds) {
        return orderIds.isEmpty() ? List.of() : rows("r.order_id in (:value)", orderIds);
    }

    /** The request a link token names in the current store (another store's token, or a made-up one, finds nothing). */
    @Transactional
    public Optional<Row> byToken(String token) {
        if (token == null || token.length() > 200 || !token.startsWith(LINK_PREFIX)) {
            return Optional.empty();
        }
        return rows("r.link_token_hash = :value", OpaqueTokens.hash(token)).stream().findFirst();
    }

    /** The store a link token claims to belong to (it is still looked up inside that store, so a forged prefix finds nothing). */
    public static Optional<StoreId> storeOf(String token) {
        if (token == null || !token.startsWith(LINK_PREFIX) || token.length() < LINK_PREFIX.length() + 33
                || token.charAt(LINK_PREFIX.length() + 32) != '_') {
            return Optional.empty();
        }
        try {
            byte[] bytes = HexFormat.of().parseHex(token, LINK_PREFIX.length(), LINK_PREFIX.length() + 32);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return Optional.of(new StoreId(new UUID(buffer.getLong(), buffer.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A deposit order's plan as it now stands, with its balance request when there is one. */
    public record Plan(UUID orderId, String currencyCode, long depositMinor, long totalMinor, long paidMinor, long waivedMinor, boolean cancelled,
            Row request) {

        /** What is still to pay: the total less what was paid and what was waived (0 once paid, waived or cancelled). */
        public long balanceDueMinor() {
            return cancelled ? 0 : Math.max(0, totalMinor - waivedMinor - paidMinor);
        }
    }

    /** The plans of these orders that have a deposit, in one statement (Order.paymentPlan of a page of orders). */
    @Transactional
    public java.util.Map<UUID, Plan> plans(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.id, o.currency_code, o.deposit_minor, o.total_minor, o.paid_minor, o.waived_minor, "
                + "o.cancelled_at is not null, o.number, r.id, r.idempotency_key, r.amount_minor, r.link_token, r.payment_id, r.created_at "
                + "from orders.sales_order o left join orders.balance_request r on r.store_id = o.store_id and r.order_id = o.id "
                + "where o.store_id = :store and o.id in (:ids) and o.deposit_minor is not null")
                .setParameter("store", store()).setParameter("ids", orderIds).getResultList();
        java.util.Map<UUID, Plan> plans = new java.util.HashMap<>();
        for (Object[] r : rows) {
            UUID orderId = OrderReads.uuid(r[0]);
            String currency = ((String) r[1]).strip();
            Row request = r[8] == null ? null : new Row(OrderReads.uuid(r[8]), orderId, ((Number) r[7]).longValue(), (String) r[9],
                    ((Number) r[10]).longValue(), currency, (String) r[11], r[12] == null ? null : OrderReads.uuid(r[12]), OrderReads.instant(r[13]));
            plans.put(orderId, new Plan(orderId, currency, ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue(), (Boolean) r[6], request));
        }
        return plans;
    }

    private List<Row> rows(String where, Object value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.order_id, o.number, r.idempotency_key, r.amount_minor, r.currency_code, "
                + "r.link_token, r.payment_id, r.created_at from orders.balance_request r join orders.sales_order o "
                + "on o.store_id = r.store_id and o.id = r.order_id where r.store_id = :store and " + where)
                .setParameter("store", store()).setParameter("value", value).getResultList();
        return rows.stream().map(r -> new Row(OrderReads.uuid(r[0]), OrderReads.uuid(r[1]), ((Number) r[2]).longValue(), (String) r[3],
                ((Number) r[4]).longValue(), ((String) r[5]).strip(), (String) r[6], r[7] == null ? null : OrderReads.uuid(r[7]),
                OrderReads.instant(r[8]))).toList();
    }

    private static byte[] toBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
