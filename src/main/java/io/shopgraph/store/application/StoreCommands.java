package io.shopgraph.store.application;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.store.domain.StaffMember;
import io.shopgraph.store.domain.StaffMemberRepository;
import io.shopgraph.store.domain.StaffRole;
import io.shopgraph.store.domain.Store;
import io.shopgraph.store.domain.StoreErrorCode;
import io.shopgraph.store.domain.StorePlan;
import io.shopgraph.store.domain.StoreRepository;
import io.shopgraph.store.domain.StoreRules;
import io.shopgraph.store.domain.StorefrontToken;
import io.shopgraph.store.domain.StorefrontTokenRepository;

/** Creating stores. */
@ApplicationScoped
public class StoreCommands {


    private final TenantScope tenantScope;
    private final StoreRepository stores;
    private final StaffMemberRepository staff;
    private final StorefrontTokenRepository tokens;

    StoreCommands(TenantScope tenantScope, StoreRepository stores, StaffMemberRepository staff,
            StorefrontTokenRepository tokens) {
        this.tenantScope = tenantScope;
        this.stores = stores;
        this.staff = staff;
        this.tokens = tokens;
    }

    /**
     * Creates a store with its owner and optional seeded token, all in one transaction. The new
     * store's id is chosen first and bound as the tenant, so its tenant-owned rows are written
     * under it by both tenancy layers.
     */
    public StoreId create(NewStore store) {
        validate(store);
        StoreId id = new StoreId(Ids.newId());
        tenantScope.run(id, () -> insert(id, store));
        return id;
    }

    /**
     * A platform operator's storeCreate: the store, its owner and a first storefront token whose
     * plain value exists only in the answer. Plan and ids are the server's, never the caller's.
     */
    public CreatedStore createForOperator(String name, String handle, String currencyCode, String countryCode,
            boolean pricesIncludeTax, String timezone, String ownerIssuer, String ownerSubject) {
        java.util.List<String> owner = StoreRules.owner(ownerIssuer, ownerSubject);
        String issuer = owner.get(0);
        String subject = owner.get(1);
        String token = OpaqueTokens.newToken(StorefrontTokenCommands.TOKEN_PREFIX);
        NewStore store = new NewStore(name == null ? null : name.strip(), handle, currencyCode, countryCode,
                pricesIncludeTax, timezone, StorePlan.STARTER,
                Optional.of(new MerchantPrincipal(issuer, subject, Optional.empty())), Optional.of(token));
        StoreId id = create(store);
        return new CreatedStore(tenantScope.call(id, () -> shopOf(id)), token);
    }

    @Transactional
    ShopView shopOf(StoreId id) {
        return ShopView.of(stores.findById(id.value()));
    }

    /** A new store and its first storefront token, shown only in this answer. */
    public record CreatedStore(ShopView shop, String storefrontAccessToken) {
    }

    @Transactional
    void insert(StoreId id, NewStore request) {
        if (stores.findByHandle(request.handle()).isPresent()) {
            throw new DomainException(StoreErrorCode.HANDLE_TAKEN, java.util.List.of("handle"),
                    "Another store already uses the handle '" + request.handle() + "'.");
        }
        Instant now = Instant.now();
        Store store = new Store();
        store.id = id.value();
        store.name = request.name().strip();
        store.handle = request.handle();
        store.currencyCode = request.currencyCode();
        store.countryCode = request.countryCode();
        store.pricesIncludeTax = request.pricesIncludeTax();
        store.timezone = request.timezone();
        store.plan = request.plan();
        store.createdAt = now;
        stores.persist(store);
        request.owner().ifPresent(owner -> {
            StaffMember member = new StaffMember();
            member.id = Ids.newId();
            member.issuer = owner.issuer();
            member.subject = owner.subject();
            member.role = StaffRole.OWNER;
            member.createdAt = now;
            staff.persist(member);
        });
        request.storefrontToken().ifPresent(plain -> {
            StorefrontToken token = new StorefrontToken();
            token.id = Ids.newId();
            token.title = "Default storefront";
            token.tokenHash = OpaqueTokens.hash(plain);
            token.tokenHint = OpaqueTokens.hint(plain);
            token.createdAt = now;
            tokens.persist(token);
        });
    }

    private static void validate(NewStore store) {
        StoreRules.validateNewStore(store.name(), store.handle(), store.currencyCode(), store.countryCode(), store.timezone());
    }
}
