package io.shopgraph.cart.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.events.SessionPageViewed;
import io.shopgraph.cart.api.events.SessionStarted;
import io.shopgraph.cart.application.SessionRecorder.Recorded;
import io.shopgraph.cart.domain.SessionErrorCode;
import io.shopgraph.cart.domain.SessionEventType;
import io.shopgraph.cart.domain.SessionRules;
import io.shopgraph.cart.domain.ShopperSession;
import io.shopgraph.cart.domain.ShopperSessionRepository;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/** Starting shopper sessions and recording the storefront's page-level events in them. */
@ApplicationScoped
public class SessionCommands {

    /** Where the shopper came from, as the storefront saw it. */
    public record SessionStart(String landingUrl, String referrer, String utmSource, String utmMedium, String utmCampaign,
            String utmTerm, String utmContent, String locale, String countryCode, String deviceType, boolean doNotTrack) {
    }

    /** A new session's token (null when the shopper asked not to be tracked). */
    public record Started(String token, Instant expiresAt) {
    }

    private final ShopperSessionRepository sessions;
    private final SessionRecorder recorder;
    private final EntityManager em;
    private final TenantContext tenant;
    private final CartConfig config;
    private final EventPublisher outbox;

    SessionCommands(ShopperSessionRepository sessions, SessionRecorder recorder, EntityManager em, TenantContext tenant, CartConfig config,
            EventPublisher outbox) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.recorder = recorder;
        this.em = em;
        this.tenant = tenant;
        this.config = config;
    }

    /**
     * Starts a session. The input is checked in full even for doNotTrack (the answer must not depend on
     * it), but then nothing is stored and no token is issued: carts work the same without one.
     */
    @Transactional
    public Started start(SessionStart input) {
        ShopperSession session = new ShopperSession();
        List<String> f = List.of("input");
        session.landingPath = SessionRules.landingPath(input.landingUrl(), append(f, "landingUrl"));
        session.referrerHost = SessionRules.referrerHost(input.referrer(), append(f, "referrer"));
        session.utmSource = utm(input.utmSource(), input.landingUrl(), "utm_source", "source");
        session.utmMedium = utm(input.utmMedium(), input.landingUrl(), "utm_medium", "medium");
        session.utmCampaign = utm(input.utmCampaign(), input.landingUrl(), "utm_campaign", "campaign");
        session.utmTerm = utm(input.utmTerm(), input.landingUrl(), "utm_term", "term");
        session.utmContent = utm(input.utmContent(), input.landingUrl(), "utm_content", "content");
        session.locale = SessionRules.locale(input.locale(), append(f, "locale"));
        session.countryCode = SessionRules.country(input.countryCode(), append(f, "countryCode"));
        session.deviceType = input.deviceType() == null ? "OTHER" : input.deviceType();
        if (input.doNotTrack()) {
            return new Started(null, null);
        }
        String token = SessionTokens.newToken();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        session.id = Ids.newId(); // found by its token hash; the id itself opens nothing
        session.tokenHash = SessionTokens.hash(token);
        session.startedAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.session().idleExpiry());
        sessions.persist(session);
        em.createNativeQuery("insert into cart.store_activity (store_id) values (:store) on conflict do nothing")
                .setParameter("store", tenant.requireStore().value()).executeUpdate();
        outbox.publish(new SessionStarted(session.id, session.startedAt, session.landingPath, session.referrerHost, session.utmSource,
                session.utmMedium, session.utmCampaign, session.utmTerm, session.utmContent, session.locale, session.countryCode,
                session.deviceType));
        return new Started(token, session.expiresAt);
    }

    /** Records a page-level event in the session of {@code token}. */
    @Transactional
    public void record(Optional<String> token, SessionEventType type, UUID subject, String detail) {
        if (!type.recordableByStorefront()) {
            throw new DomainException(SessionErrorCode.TYPE_NOT_ALLOWED, List.of("event", "type"),
                    "Storefronts record only PRODUCT_VIEWED, COLLECTION_VIEWED and SEARCHED.");
        }
        if (detail != null && detail.length() > 256) {
            throw new DomainException(SessionErrorCode.INVALID_VALUE, List.of("event", "detail"), "A detail is at most 256 characters.");
        }
        if (token.isEmpty()) {
            throw new DomainException(SessionErrorCode.SESSION_NOT_FOUND, List.of(), "Send the session token in X-Session-Token.");
        }
        UUID session = recorder.record(token, List.of(new Recorded(type, null, subject, null, detail == null ? null : detail.strip())))
                .orElseThrow(() -> new DomainException(SessionErrorCode.SESSION_NOT_FOUND, List.of(),
                        "No live session has this token, or it recorded its maximum of events."));
        outbox.publish(new SessionPageViewed(session, type.name(), subject, detail == null ? null : detail.strip(), Instant.now()));
    }

    private static String utm(String given, String landingUrl, String parameter, String field) {
        String value = SessionRules.utm(given, List.of("input", "utm", field));
        return value != null ? value : SessionRules.utmFromUrl(landingUrl, parameter);
    }

    private static List<String> append(List<String> field, String name) {
        List<String> result = new java.util.ArrayList<>(field);
        result.add(name);
        return result;
    }
}
