package io.shopgraph.cart.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.cart.application.SessionCommands;
import io.shopgraph.cart.application.SessionCommands.SessionStart;
import io.shopgraph.cart.application.SessionCommands.Started;
import io.shopgraph.cart.domain.SessionErrorCode;
import io.shopgraph.cart.domain.SessionEventType;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.RequestCredentials;
import io.shopgraph.platform.security.StorefrontOperation;

/** Shopper sessions: where shoppers come from and what they look at, for the merchant's analytics. */
@GraphQLApi
public class SessionMutations {

    private final SessionCommands sessions;
    private final RequestCredentials credentials;

    SessionMutations(SessionCommands sessions, RequestCredentials credentials) {
        this.sessions = sessions;
        this.credentials = credentials;
    }

    @Mutation("sessionStart")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: starts a shopper session and returns its token; send it as X-Session-Token with later cart "
            + "mutations and sessionEventRecord. Only the landing page's path, the referrer's host, UTM values, locale, "
            + "country and device type are kept (never an IP address or user agent). With doNotTrack, nothing is stored and "
            + "no token is returned; carts work the same.")
    public SessionStartPayload sessionStart(@NonNull @Name("input") @Description("What the storefront knows of the visit.") SessionStartInput input) {
        return MutationSupport.run(() -> {
            UtmInput utm = input.utm() == null ? new UtmInput(null, null, null, null, null) : input.utm();
            Started started = sessions.start(new SessionStart(input.landingUrl(), input.referrer(), utm.source(), utm.medium(),
                    utm.campaign(), utm.term(), utm.content(), input.locale(), input.countryCode(),
                    input.device() == null || input.device().type() == null ? null : input.device().type().name(),
                    Boolean.TRUE.equals(input.doNotTrack())));
            return new SessionStartPayload(started.token(), started.expiresAt(), started.token() != null, List.of());
        }, errors -> new SessionStartPayload(null, null, false, SessionUserError.from(errors)));
    }

    @Mutation("sessionEventRecord")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: records a page-level event (PRODUCT_VIEWED, COLLECTION_VIEWED, SEARCHED) in the session of "
            + "the X-Session-Token header. Cart events are recorded by the cart mutations themselves.")
    public SessionEventRecordPayload sessionEventRecord(@NonNull @Name("event") @Description("The event.") SessionEventInput event) {
        return MutationSupport.run(() -> {
            UUID subject = subject(event);
            sessions.record(credentials.sessionToken(), event.type(), subject, event.searchQuery());
            return new SessionEventRecordPayload(true, List.of());
        }, errors -> new SessionEventRecordPayload(false, SessionUserError.from(errors)));
    }

    private static UUID subject(SessionEventInput event) {
        String expected = switch (event.type()) {
            case PRODUCT_VIEWED -> "Product";
            case COLLECTION_VIEWED -> "Collection";
            default -> null;
        };
        if (expected == null) {
            if (event.type() == SessionEventType.SEARCHED && (event.searchQuery() == null || event.searchQuery().isBlank())) {
                throw new DomainException(SessionErrorCode.INVALID_EVENT, List.of("event", "searchQuery"), "SEARCHED needs the search text.");
            }
            return null;
        }
        Optional<UUID> id = GlobalId.parse(event.subjectId(), expected);
        return id.orElseThrow(() -> new DomainException(SessionErrorCode.INVALID_EVENT, List.of("event", "subjectId"),
                event.type() + " needs the global id of a " + expected + "."));
    }

    @Enum("DeviceType")
    @Description("The kind of device, as the storefront judges it (the user agent itself is never sent or kept).")
    public enum DeviceType {
        @Description("A desktop or laptop computer.")
        DESKTOP,
        @Description("A phone.")
        MOBILE,
        @Description("A tablet.")
        TABLET,
        @Description("Anything else, or unknown.")
        OTHER
    }

    @Input("SessionStartInput")
    @Description("What a storefront knows of a visit when it starts.")
    public record SessionStartInput(
            @Description("The absolute URL the shopper landed on; only its path is kept, and utm_* query parameters fill utm when it is left out.") String landingUrl,
            @Description("The referring page's URL; only its host is kept.") String referrer,
            @Description("The campaign parameters (each at most 128 characters).") UtmInput utm,
            @Description("The shopper's language tag, e.g. fr-CA.") String locale,
            @Description("The shopper's country, ISO 3166-1 alpha-2.") String countryCode,
            @Description("Device hints.") DeviceInput device,
            @DefaultValue("false") @Description("The shopper's do-not-track or consent refusal: nothing is stored.") Boolean doNotTrack) {
    }

    @Input("UtmInput")
    @Description("Campaign (UTM) parameters.")
    public record UtmInput(
            @Description("utm_source.") String source,
            @Description("utm_medium.") String medium,
            @Description("utm_campaign.") String campaign,
            @Description("utm_term.") String term,
            @Description("utm_content.") String content) {
    }

    @Input("DeviceInput")
    @Description("What the storefront tells of the device.")
    public record DeviceInput(@Description("The kind of device.") DeviceType type) {
    }

    @Input("SessionEventInput")
    @Description("A page-level event.")
    public record SessionEventInput(
            @NonNull @Description("PRODUCT_VIEWED, COLLECTION_VIEWED or SEARCHED.") SessionEventType type,
            @Id @Description("The Product (PRODUCT_VIEWED) or Collection (COLLECTION_VIEWED) global id.") String subjectId,
            @Description("SEARCHED: the search text (at most 256 characters).") String searchQuery) {
    }

    @Name("SessionStartPayload")
    @Description("The result of sessionStart.")
    public record SessionStartPayload(
            @Description("The session's token, to send as X-Session-Token; null with doNotTrack or on failure.") String sessionToken,
            @Description("When the session ends unless more events arrive.") Instant expiresAt,
            @NonNull @Description("Whether the session is recorded (false with doNotTrack).") boolean tracked,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull SessionUserError> userErrors) {
    }

    @Name("SessionEventRecordPayload")
    @Description("The result of sessionEventRecord.")
    public record SessionEventRecordPayload(
            @NonNull @Description("Whether the event was recorded.") boolean recorded,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull SessionUserError> userErrors) {
    }
}
