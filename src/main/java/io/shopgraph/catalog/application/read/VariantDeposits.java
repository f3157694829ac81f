package io.shopgraph.catalog.application.read;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.DepositKind;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.platform.tenancy.TenantContext;

/** The deposits variants require, read in one statement per batch (ProductVariant.deposit). */
@ApplicationScoped
public class VariantDeposits {

    private final EntityManager em;
    private final TenantContext tenant;

    VariantDeposits(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /** The deposit of each variant that requires one (variants without a deposit are absent). */
    @Transactional
    public Map<UUID, VariantDeposit> byVariants(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, deposit_kind, deposit_value from catalog.product_variant "
                + "where store_id = :store and id in (:ids) and deposit_kind is not null")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(variantIds)).getResultList();
        Map<UUID, VariantDeposit> found = new HashMap<>();
        for (Object[] r : rows) {
            found.put(Rows.uuid(r[0]), new VariantDeposit(DepositKind.valueOf(Rows.str(r[1])), Rows.lng(r[2])));
        }
        return found;
    }
}
