package io.shopgraph.checkout.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;


import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.checkout.application.discount.Discounts;
import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * Merchants read discounts (read_discounts): codes and automatic discounts as two connections, newest first, and
 * one by id (also through {@code node(id:)}). Each page is one statement, plus the store's currency for the amounts.
 */
@GraphQLApi
public class DiscountQueries {

    /** A search term longer than any code or title could match nothing useful; it is refused rather than scanned for. */
    static final int MAX_QUERY_LENGTH = 255;

    private final Discounts discounts;
    private final StoreAccess access;
    private final StoreApi stores;
    private final TenantContext tenant;

    DiscountQueries(Discounts discounts, StoreAccess access, StoreApi stores, TenantContext tenant) {
        this.discounts = discounts;
        this.access = access;
        this.stores = stores;
        this.tenant = tenant;
    }

    @Query("discountCodes")
    @MerchantOperation(Scope.READ_DISCOUNTS)
    @NonNull
    @Description("Merchant: the store's discount codes, newest first, with their rules, status and usage. Needs the read_discounts scope.")
    public DiscountConnection discountCodes(
            @Name("first") @Description("How many to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return discounts after this cursor.") String after,
            @Name("query") @Description("Only codes whose code or title contains this text (case-insensitive).") String query) {
        return page(false, first, after, query);
    }

    @Query("automaticDiscounts")
    @MerchantOperation(Scope.READ_DISCOUNTS)
    @NonNull
    @Description("Merchant: the store's automatic discounts, newest first, with their rules, status and usage. Needs the "
            + "read_discounts scope.")
    public DiscountConnection automaticDiscounts(
            @Name("first") @Description("How many to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return discounts after this cursor.") String after,
            @Name("query") @Description("Only discounts whose title contains this text (case-insensitive).") String query) {
        return page(true, first, after, query);
    }

    @Query("discount")
    @MerchantOperation(Scope.READ_DISCOUNTS)
    @Description("Merchant: one discount (code or automatic) by id; null for an unknown or foreign id. Needs the read_discounts scope.")
    public DiscountView discount(@NonNull @Id @Name("id") @Description("The discount's global id.") String id) {
        access.requireMerchant(Scope.READ_DISCOUNTS);
        return GlobalId.parse(id, DiscountView.TYPE).map(uuid -> views(discounts.byIds(List.of(uuid))))
                .flatMap(found -> found.stream().findFirst()).orElse(null);
    }

    private DiscountConnection page(boolean automatic, Integer first, String after, String query) {
        access.requireMerchant(Scope.READ_DISCOUNTS);
        PageRequest request = PageRequest.forward(first, after);
        String term = query == null || query.isBlank() ? null : query.strip();
        if (term != null && term.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("'query' must be at most " + MAX_QUERY_LENGTH + " characters.");
        }
        Instant afterCreated = null;
        UUID afterId = null;
        if (request.cursor().isPresent()) {
            List<String> keys = Cursor.decode(request.cursor().get(), 2);
            try {
                afterCreated = Instant.parse(keys.get(0));
                afterId = UUID.fromString(keys.get(1));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("The cursor is not valid for this list.");
            }
        }
        List<StoredDiscount> rows = request.size() == 0 && request.cursor().isEmpty() ? List.of()
                : discounts.page(automatic, request.size() + 1, afterCreated, afterId, term);
        Page<StoredDiscount> page = Page.of(rows, request);
        List<DiscountView> nodes = views(page.items());
        List<DiscountEdge> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            StoredDiscount s = page.items().get(i);
            edges.add(new DiscountEdge(Cursor.encode(s.createdAt().toString(), s.discount().id().toString()), nodes.get(i)));
        }
        return new DiscountConnection(edges, nodes, new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    List<DiscountView> views(List<StoredDiscount> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        String currency = stores.settings(Set.of(tenant.requireStore())).get(tenant.requireStore()).currencyCode();
        Instant now = Instant.now();
        return stored.stream().map(s -> DiscountView.of(s, currency, now)).toList();
    }

    @Type("DiscountConnection")
    @Description("A page of discounts, newest first.")
    public record DiscountConnection(
            @NonNull @Description("The discounts of this page with their cursors.") List<@NonNull DiscountEdge> edges,
            @NonNull @Description("The discounts of this page.") List<@NonNull DiscountView> nodes,
            @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {
    }

    @Type("DiscountEdge")
    @Description("A discount and its cursor.")
    public record DiscountEdge(
            @NonNull @Description("The cursor to pass as after.") String cursor,
            @NonNull @Description("The discount.") DiscountView node) {
    }
}
