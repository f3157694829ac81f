package io.shopgraph.digital.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.digital.api.DigitalViews;
import io.shopgraph.digital.api.DigitalViews.AwaitingLicenseKeysView;
import io.shopgraph.digital.api.DigitalViews.DigitalDeliveryView;
import io.shopgraph.digital.api.DigitalViews.DigitalDownloadView;
import io.shopgraph.digital.api.DigitalViews.DigitalFileStatus;
import io.shopgraph.digital.api.DigitalViews.DigitalFileView;
import io.shopgraph.digital.api.DigitalViews.LicenseKeyPoolView;
import io.shopgraph.digital.api.DigitalViews.LicenseKeyView;
import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.tenancy.TenantContext;

/** Batch reads for the schema: a fixed number of statements whatever the number of orders or variants. */
@ApplicationScoped
public class DigitalReads {

    static final String GRANT_COLUMNS = "g.id, g.order_id, g.order_line_id, f.file_name, f.content_type, f.byte_size, g.token_salt, "
            + "g.token_hash, g.expires_at, g.download_limit, g.download_count";

    private final EntityManager em;
    private final TenantContext tenant;
    private final DownloadLinks links;

    DigitalReads(EntityManager em, TenantContext tenant, DownloadLinks links) {
        this.em = em;
        this.tenant = tenant;
        this.links = links;
    }

    /** The digital deliveries of these orders, by order (three statements); orders without one are absent. */
    @Transactional
    public Map<UUID, DigitalDeliveryView> deliveries(Collection<UUID> orderIds) {
        Map<UUID, DigitalDeliveryView> result = new HashMap<>();
        if (orderIds.isEmpty()) {
            return result;
        }
        UUID store = store();
        List<UUID> ids = List.copyOf(orderIds);
        @SuppressWarnings("unchecked")
        List<Object[]> deliveries = em.createNativeQuery("select d.order_id, d.delivered_at, l.order_line_id, l.keys_missing "
                + "from digital.delivery d left join digital.delivery_line l on l.store_id = d.store_id and l.order_id = d.order_id "
                + "and l.keys_missing > 0 where d.store_id = :s and d.order_id in (:o) order by l.order_line_id")
                .setParameter("s", store).setParameter("o", ids).getResultList();
        if (deliveries.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> grants = em.createNativeQuery("select " + GRANT_COLUMNS + " from digital.download_grant g join digital.file f "
                + "on f.store_id = g.store_id and f.id = g.file_id where g.store_id = :s and g.order_id in (:o) order by g.created_at, g.id")
                .setParameter("s", store).setParameter("o", ids).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("select order_id, order_line_id, key_value, assigned_at from digital.license_key "
                + "where store_id = :s and order_id in (:o) order by assigned_at, created_at, id")
                .setParameter("s", store).setParameter("o", ids).getResultList();
        Map<UUID, Instant> delivered = new HashMap<>();
        Map<UUID, List<AwaitingLicenseKeysView>> awaiting = new HashMap<>();
        for (Object[] r : deliveries) {
            UUID order = Rows.uuid(r[0]);
            delivered.put(order, Rows.instant(r[1]));
            List<AwaitingLicenseKeysView> list = awaiting.computeIfAbsent(order, k -> new ArrayList<>());
            if (r[2] != null) {
                list.add(new AwaitingLicenseKeysView(GlobalId.format(OrderViews.LINE, Rows.uuid(r[2])), Rows.integer(r[3])));
            }
        }
        Map<UUID, List<DigitalDownloadView>> downloads = new HashMap<>();
        Instant now = Instant.now();
        for (Object[] r : grants) {
            downloads.computeIfAbsent(Rows.uuid(r[1]), k -> new ArrayList<>()).add(download(r, now));
        }
        Map<UUID, List<LicenseKeyView>> licenseKeys = new HashMap<>();
        for (Object[] r : keys) {
            licenseKeys.computeIfAbsent(Rows.uuid(r[0]), k -> new ArrayList<>())
                    .add(new LicenseKeyView(GlobalId.format(OrderViews.LINE, Rows.uuid(r[1])), (String) r[2], Rows.instant(r[3])));
        }
        delivered.forEach((order, at) -> result.put(order, new DigitalDeliveryView(downloads.getOrDefault(order, List.of()),
                licenseKeys.getOrDefault(order, List.of()), awaiting.getOrDefault(order, List.of()), at)));
        return result;
    }

    /** One grant as the API shows it, read in the current store. */
    @Transactional
    public Optional<DigitalDownloadView> download(UUID grantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + GRANT_COLUMNS + " from digital.download_grant g join digital.file f "
                + "on f.store_id = g.store_id and f.id = g.file_id where g.store_id = :s and g.id = :id")
                .setParameter("s", store()).setParameter("id", grantId).getResultList();
        Instant now = Instant.now();
        return rows.stream().findFirst().map(r -> download(r, now));
    }

    private DigitalDownloadView download(Object[] r, Instant now) {
        UUID id = Rows.uuid(r[0]);
        Instant expires = Rows.instant(r[8]);
        int limit = Rows.integer(r[9]);
        int used = Rows.integer(r[10]);
        return new DigitalDownloadView(GlobalId.format(DigitalViews.DOWNLOAD, id), GlobalId.format(OrderViews.LINE, Rows.uuid(r[2])),
                (String) r[3], (String) r[4], Rows.longValue(r[5]), links.url(id, (String) r[6], (String) r[7]).orElse(null), expires,
                limit, used, expires.isAfter(now) ? Math.max(0, limit - used) : 0);
    }

    /** The files of these variants, oldest first (one statement). */
    @Transactional
    public Map<UUID, List<DigitalFileView>> files(Collection<UUID> variantIds) {
        Map<UUID, List<DigitalFileView>> result = new HashMap<>();
        if (variantIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, variant_id, file_name, content_type, byte_size, status, created_at "
                + "from digital.file where store_id = :s and variant_id in (:v) order by created_at, id")
                .setParameter("s", store()).setParameter("v", List.copyOf(variantIds)).getResultList();
        for (Object[] r : rows) {
            UUID variant = Rows.uuid(r[1]);
            result.computeIfAbsent(variant, k -> new ArrayList<>()).add(file(r));
        }
        return result;
    }

    static DigitalFileView file(Object[] r) {
        return new DigitalFileView(GlobalId.format(DigitalViews.FILE, Rows.uuid(r[0])), GlobalId.format(ProductVariantView.TYPE, Rows.uuid(r[1])),
                (String) r[2], (String) r[3], Rows.longValue(r[4]), DigitalFileStatus.valueOf((String) r[5]), Rows.instant(r[6]));
    }

    /** The key pools of these variants (one statement); variants that never had a key are absent. */
    @Transactional
    public Map<UUID, LicenseKeyPoolView> pools(Collection<UUID> variantIds) {
        Map<UUID, LicenseKeyPoolView> result = new HashMap<>();
        if (variantIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select k.variant_id, count(*) filter (where k.order_id is null), "
                + "count(*) filter (where k.order_id is not null), coalesce((select sum(l.keys_missing) from digital.delivery_line l "
                + "where l.store_id = k.store_id and l.variant_id = k.variant_id), 0) from digital.license_key k "
                + "where k.store_id = :s and k.variant_id in (:v) group by k.store_id, k.variant_id")
                .setParameter("s", store()).setParameter("v", List.copyOf(variantIds)).getResultList();
        for (Object[] r : rows) {
            result.put(Rows.uuid(r[0]), new LicenseKeyPoolView(Rows.integer(r[1]), Rows.integer(r[2]), Rows.integer(r[3])));
        }
        return result;
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
