package io.shopgraph.cart.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.cart.domain.SessionEventType;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Records session events inside the caller's transaction (the cart mutation's, so an event exists exactly
 * when its change does). One statement for all events of a call: it finds the live session by its token's
 * hash, moves its idle expiry, counts the events against the session's bound and inserts them. An unknown,
 * expired or absent token records nothing; carts work the same without a session (doNotTrack).
 */
@ApplicationScoped
public class SessionRecorder {

    private static final String SEP = String.valueOf((char) 0x1f);

    /** One event to record: what, and what it concerns. */
    public record Recorded(SessionEventType type, UUID cartId, UUID subjectId, Integer quantity, String detail) {
    }

    private final NativeRows db;
    private final TenantContext tenant;
    private final CartConfig config;

    SessionRecorder(NativeRows db, TenantContext tenant, CartConfig config) {
        this.db = db;
        this.tenant = tenant;
        this.config = config;
    }

    /** Records the events in the session of {@code token}; answers the session's id when it recorded them. */
    public Optional<UUID> record(Optional<String> token, List<Recorded> events) {
        if (token.isEmpty() || events.isEmpty() || token.get().length() > 200) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("idle", config.session().idleExpiry().toSeconds() + " seconds");
        parameters.put("n", events.size());
        parameters.put("max", config.session().maxEvents());
        parameters.put("store", tenant.requireStore().value());
        parameters.put("hash", SessionTokens.hash(token.get()));
        parameters.put("ids", join(events, e -> Ids.newId().toString()));
        parameters.put("types", join(events, e -> e.type().name()));
        parameters.put("carts", join(events, e -> e.cartId() == null ? "" : e.cartId().toString()));
        parameters.put("variants", join(events, e -> e.subjectId() == null ? "" : e.subjectId().toString()));
        parameters.put("qtys", join(events, e -> e.quantity() == null ? "" : e.quantity().toString()));
        parameters.put("details", join(events, e -> e.detail() == null ? "" : e.detail().replace(SEP, " ")));
        // Plain JDBC (NativeRows): recorded on every cart change of a session; one statement as before.
        List<Object[]> ids = db.query("with s as (update cart.shopper_session set last_seen_at = now(), "
                + "expires_at = now() + cast(:idle as interval), event_count = event_count + :n "
                + "where store_id = :store and token_hash = :hash and expires_at > now() and event_count + :n <= :max returning id) "
                + "insert into cart.session_event (store_id, id, session_id, type, occurred_at, cart_id, subject_id, quantity, detail) "
                + "select :store, cast(e.id as uuid), s.id, e.type, clock_timestamp(), cast(nullif(e.cart, '') as uuid), "
                + "cast(nullif(e.variant, '') as uuid), cast(nullif(e.qty, '') as int), nullif(e.detail, '') "
                + "from s, unnest(string_to_array(:ids, chr(31)), string_to_array(:types, chr(31)), string_to_array(:carts, chr(31)), "
                + "string_to_array(:variants, chr(31)), string_to_array(:qtys, chr(31)), string_to_array(:details, chr(31))) "
                + "as e(id, type, cart, variant, qty, detail) returning session_id", parameters);
        return ids.stream().findFirst().map(row -> CartReads.uuid(row[0]));
    }

    private static String join(List<Recorded> events, java.util.function.Function<Recorded, String> value) {
        return events.stream().map(value).collect(Collectors.joining(SEP));
    }
}
