package io.shopgraph.webhooks.application;

import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.security.MerchantGrant;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.webhooks.domain.WebhookDeliveryStatus;
import io.shopgraph.webhooks.domain.WebhookSignature;
import io.shopgraph.webhooks.domain.WebhookSubscriptionStatus;
import io.shopgraph.webhooks.domain.WebhookTargets;
import io.shopgraph.webhooks.domain.WebhookTopic;

/**
 * The merchant's side of webhooks: subscriptions (create, change, delete, rotate the secret), their
 * deliveries and replays. A partner app sees and changes only the subscriptions it created; staff see all
 * of the store's.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    static final String COLUMNS = "id, topic, callback_url, status, failure_reason, failing_since, app_client_id, "
            + "previous_secret_expires_at, created_at, updated_at";

    private final Sql sql;
    private final TenantContext tenant;
    private final WebhooksConfig config;
    private final WebhookTargets targets;

    WebhookSubscriptions(Sql sql, TenantContext tenant, WebhooksConfig config) {
        this.sql = sql;
        this.tenant = tenant;
        this.config = config;
        this.targets = targets(config);
    }

    static WebhookTargets targets(WebhooksConfig config) {
        return new WebhookTargets(config.requireHttps(), config.allowedTargets().orElse(Set.of()), InetAddress::getAllByName);
    }

    @Transactional
    public CreatedWebhookSubscription create(MerchantGrant caller, WebhookTopic topic, String callbackUrl) {
        if (!caller.allows(topic.scope())) {
            throw new DomainException(WebhookSubscriptionErrorCode.MISSING_SCOPE, List.of("input", "topic"),
                    "The topic " + topic + " needs the " + topic.scope().name().toLowerCase() + " scope.");
        }
        String url = checkedUrl(callbackUrl);
        UUID store = store();
        long existing = sql.query("select count(*) from webhooks.subscription where store_id = ?", rs -> rs.getLong(1), store).get(0);
        if (existing >= config.maxSubscriptionsPerStore()) {
            throw new DomainException(WebhookSubscriptionErrorCode.TOO_MANY_SUBSCRIPTIONS, List.of(),
                    "A store may have " + config.maxSubscriptionsPerStore() + " webhook subscriptions.");
        }
        UUID id = Ids.newId();
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        sql.update("insert into webhooks.subscription (store_id, id, topic, callback_url, app_client_id, secret, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", store, id, topic, url, appClientId(caller).orElse(null), secret, now, now);
        return new CreatedWebhookSubscription(find(caller, id).orElseThrow(), secret);
    }

    /** Changes the callback URL; a failing subscription becomes active again. */
    @Transactional
    public WebhookSubscriptionView update(MerchantGrant caller, UUID id, String callbackUrl) {
        find(caller, id).orElseThrow(WebhookSubscriptions::notFound);
        String url = callbackUrl == null ? null : checkedUrl(callbackUrl);
        sql.update("update webhooks.subscription set callback_url = coalesce(?, callback_url), status = 'ACTIVE', failure_reason = null, "
                + "failing_since = null, updated_at = now() where store_id = ? and id = ?", url, store(), id);
        return find(caller, id).orElseThrow();
    }

    @Transactional
    public UUID delete(MerchantGrant caller, UUID id) {
        find(caller, id).orElseThrow(WebhookSubscriptions::notFound);
        sql.update("delete from webhooks.subscription where store_id = ? and id = ?", store(), id);
        return id;
    }

    /**
     * A new secret, returned once. The previous one stays valid for {@code overlap} (deliveries carry a
     * signature with each), so receivers can switch without dropping deliveries.
     */
    @Transactional
    public CreatedWebhookSubscription rotateSecret(MerchantGrant caller, UUID id, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(config.rotationOverlap().multipliedBy(7)) > 0) {
            throw new DomainException(WebhookSubscriptionErrorCode.INVALID_OVERLAP, List.of("overlapSeconds"),
                    "The overlap is between 0 and " + config.rotationOverlap().multipliedBy(7).toSeconds() + " seconds.");
        }
        find(caller, id).orElseThrow(WebhookSubscriptions::notFound);
        String secret = WebhookSignature.newSecret();
        sql.update("update webhooks.subscription set previous_secret = case when ? > 0 then secret end, "
                + "previous_secret_expires_at = case when ? > 0 then now() + make_interval(secs => ?) end, "
                + "secret = ?, updated_at = now() where store_id = ? and id = ?",
                overlap.toSeconds(), overlap.toSeconds(), (double) overlap.toSeconds(), secret, store(), id);
        return new CreatedWebhookSubscription(find(caller, id).orElseThrow(), secret);
    }

    /** Sends a delivery's event again to its subscription, as a new delivery with the same event id and body. */
    @Transactional
    public WebhookDeliveryView replay(MerchantGrant caller, UUID deliveryId) {
        UUID store = store();
        List<UUID> subscription = sql.query("select subscription_id from webhooks.delivery where store_id = ? and id = ?",
                rs -> rs.getObject(1, UUID.class), store, deliveryId);
        if (subscription.isEmpty() || find(caller, subscription.get(0)).isEmpty()) {
            throw new DomainException(WebhookDeliveryErrorCode.NOT_FOUND, List.of("id"), "No webhook delivery has this id.");
        }
        UUID id = Ids.newId();
        sql.update("insert into webhooks.delivery (store_id, id, subscription_id, event_id, topic, body, replay_of, next_attempt_at, created_at) "
                + "select store_id, ?, subscription_id, event_id, topic, body, id, now(), now() from webhooks.delivery "
                + "where store_id = ? and id = ?", id, store, deliveryId);
        return deliveries(store, List.of(id)).get(0);
    }

    @Transactional
    public Page<WebhookSubscriptionView> page(MerchantGrant caller, PageRequest request) {
        UUID after = request.cursor().map(c -> cursorId(c, WebhookSubscriptionView.TYPE)).orElse(null);
        String order = request.backward() ? "desc" : "asc";
        String from = after == null ? "" : request.backward() ? "and id < ? " : "and id > ? ";
        List<Object> params = new ArrayList<>(List.of(store()));
        appClientId(caller).ifPresent(params::add);
        if (after != null) {
            params.add(after);
        }
        params.add(request.size() + 1);
        List<WebhookSubscriptionView> rows = sql.query("select " + COLUMNS + " from webhooks.subscription where store_id = ? "
                + (appClientId(caller).isPresent() ? "and app_client_id = ? " : "") + from + "order by id " + order + " limit ?",
                WebhookSubscriptions::subscription, params.toArray());
        return Page.of(rows, request);
    }

    /** The subscriptions among {@code ids} the caller may see (node lookups). */
    @Transactional
    public Map<UUID, WebhookSubscriptionView> byIds(MerchantGrant caller, Collection<UUID> ids) {
        Map<UUID, WebhookSubscriptionView> found = new HashMap<>();
        for (WebhookSubscriptionView view : sql.query("select " + COLUMNS + " from webhooks.subscription where store_id = ? and id = any(?)",
                WebhookSubscriptions::subscription, store(), ids.toArray(new UUID[0]))) {
            if (visible(caller, view)) {
                found.put(view.uuid(), view);
            }
        }
        return found;
    }

    /** A subscription's deliveries, newest first; empty for an unknown or foreign subscription. */
    @Transactional
    public Page<WebhookDeliveryView> deliveries(MerchantGrant caller, UUID subscriptionId, PageRequest request) {
        if (find(caller, subscriptionId).isEmpty()) {
            return Page.of(List.of(), request);
        }
        UUID store = store();
        UUID after = request.cursor().map(c -> cursorId(c, WebhookDeliveryView.TYPE)).orElse(null);
        String order = request.backward() ? "asc" : "desc";
        String from = after == null ? "" : request.backward() ? "and id > ? " : "and id < ? ";
        List<Object> params = new ArrayList<>(List.of(store, subscriptionId));
        if (after != null) {
            params.add(after);
        }
        params.add(request.size() + 1);
        List<UUID> ids = sql.query("select id from webhooks.delivery where store_id = ? and subscription_id = ? " + from
                + "order by id " + order + " limit ?", rs -> rs.getObject(1, UUID.class), params.toArray());
        return Page.of(deliveries(store, ids), request);
    }

    /** Deliveries by id, in the order given, with their attempts: two statements whatever the page size. */
    private List<WebhookDeliveryView> deliveries(UUID store, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.toArray(new UUID[0]);
        Map<UUID, List<WebhookDeliveryAttemptView>> attempts = new HashMap<>();
        sql.query("select delivery_id, number, attempted_at, status_code, latency_ms, error from webhooks.attempt "
                + "where store_id = ? and delivery_id = any(?) order by delivery_id, number", rs -> {
                    attempts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new WebhookDeliveryAttemptView(
                            rs.getInt(2), Sql.instant(rs, "attempted_at"), Sql.integer(rs, "status_code"), rs.getInt(5), rs.getString(6)));
                    return null;
                }, store, array);
        Map<UUID, WebhookDeliveryView> byId = new HashMap<>();
        sql.query("select id, subscription_id, event_id, topic, status, replay_of, created_at, next_attempt_at, delivered_at "
                + "from webhooks.delivery where store_id = ? and id = any(?)", rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID replayOf = rs.getObject("replay_of", UUID.class);
                    WebhookDeliveryStatus status = WebhookDeliveryStatus.valueOf(rs.getString("status"));
                    byId.put(id, new WebhookDeliveryView(GlobalId.format(WebhookDeliveryView.TYPE, id),
                            GlobalId.format(WebhookSubscriptionView.TYPE, rs.getObject("subscription_id", UUID.class)),
                            rs.getObject("event_id", UUID.class).toString(), WebhookTopic.valueOf(rs.getString("topic")), status,
                            replayOf == null ? null : GlobalId.format(WebhookDeliveryView.TYPE, replayOf), Sql.instant(rs, "created_at"),
                            status == WebhookDeliveryStatus.PENDING ? Sql.instant(rs, "next_attempt_at") : null,
                            Sql.instant(rs, "delivered_at"), List.copyOf(attempts.getOrDefault(id, List.of()))));
                    return null;
                }, store, array);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public static String cursorOf(String globalId) {
        return Cursor.encode(globalId);
    }

    private static UUID cursorId(String cursor, String type) {
        return GlobalId.parse(Cursor.decode(cursor, 1).get(0), type)
                .orElseThrow(() -> ApiException.badRequest("The cursor is not valid for this list."));
    }

    private Optional<WebhookSubscriptionView> find(MerchantGrant caller, UUID id) {
        return sql.query("select " + COLUMNS + " from webhooks.subscription where store_id = ? and id = ?",
                WebhookSubscriptions::subscription, store(), id).stream().filter(v -> visible(caller, v)).findFirst();
    }

    private static boolean visible(MerchantGrant caller, WebhookSubscriptionView view) {
        return appClientId(caller).map(app -> app.equals(view.appClientId())).orElse(true);
    }

    /** The partner app's client id when the caller is an app; empty for staff. */
    static Optional<String> appClientId(MerchantGrant caller) {
        return caller.actor().startsWith("app:") ? Optional.of(caller.actor().substring(4)) : Optional.empty();
    }

    private String checkedUrl(String callbackUrl) {
        Optional<String> refusal = targets.refusal(callbackUrl);
        if (refusal.isPresent()) {
            throw new DomainException(WebhookSubscriptionErrorCode.INVALID_CALLBACK_URL, List.of("input", "callbackUrl"), refusal.get());
        }
        return callbackUrl.strip();
    }

    private UUID store() {
        return tenant.requireStore().value();
    }

    private static DomainException notFound() {
        return new DomainException(WebhookSubscriptionErrorCode.NOT_FOUND, List.of("id"), "No webhook subscription has this id.");
    }

    static WebhookSubscriptionView subscription(ResultSet rs) throws SQLException {
        return new WebhookSubscriptionView(GlobalId.format(WebhookSubscriptionView.TYPE, rs.getObject("id", UUID.class)),
                WebhookTopic.valueOf(rs.getString("topic")), rs.getString("callback_url"),
                WebhookSubscriptionStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"), Sql.instant(rs, "failing_since"),
                rs.getString("app_client_id"), Sql.instant(rs, "previous_secret_expires_at"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
