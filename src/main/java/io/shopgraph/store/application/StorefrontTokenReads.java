package io.shopgraph.store.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.store.domain.StorefrontTokenRepository;

/** Reading the current store's storefront access tokens. */
@ApplicationScoped
public class StorefrontTokenReads {

    private final StorefrontTokenRepository tokens;

    StorefrontTokenReads(StorefrontTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public Page<StorefrontAccessTokenView> page(PageRequest request, boolean includeRevoked) {
        UUID after = request.cursor().map(c -> parseCursor(c)).orElse(null);
        var rows = tokens.page(after, request.backward(), includeRevoked, request.size() + 1).stream()
                .map(StorefrontAccessTokenView::of).toList();
        return Page.of(rows, request);
    }

    @Transactional
    public Map<UUID, StorefrontAccessTokenView> byIds(Collection<UUID> ids) {
        return tokens.list("id in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(t -> t.id, StorefrontAccessTokenView::of, (a, b) -> a));
    }

    public static String cursorOf(StorefrontAccessTokenView token) {
        return Cursor.encode(token.id());
    }

    private static UUID parseCursor(String cursor) {
        String gid = Cursor.decode(cursor, 1).get(0);
        return io.shopgraph.platform.kernel.GlobalId.parse(gid, StorefrontAccessTokenView.TYPE)
                .orElseThrow(() -> io.shopgraph.platform.errors.ApiException.badRequest("The cursor is not valid for this list."));
    }

}
