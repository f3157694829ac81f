package io.shopgraph.digital.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.digital.api.events.DigitalDownloadLinkIssued;
import io.shopgraph.digital.domain.DigitalErrorCode;
import io.shopgraph.digital.domain.DigitalRules;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;

/** The merchant's digital-goods use cases; each is one transaction, and a DomainException writes nothing. */
@ApplicationScoped
public class DigitalCommands {

    private static final Logger LOG = Logger.getLogger(DigitalCommands.class);
    public static final String UPLOAD_PREFIX = "sgup_";

    /** A staged upload: the file row (PENDING) and the one-time token of its upload URL. */
    public record StagedUpload(UUID fileId, String token, Instant expiresAt) {
    }

    /** What licenseKeysAdd did: keys new to the pool, keys it already had, keys handed to waiting lines. */
    public record KeysAdded(int added, int duplicates, int handedOut) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final CatalogApi catalog;
    private final Deliveries deliveries;
    private final DownloadLinks links;
    private final EventPublisher events;
    private final FileStorage storage;
    private final DigitalConfig config;

    DigitalCommands(EntityManager em, TenantContext tenant, CatalogApi catalog, Deliveries deliveries, DownloadLinks links,
            EventPublisher events, FileStorage storage, DigitalConfig config) {
        this.em = em;
        this.tenant = tenant;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.links = links;
        this.events = events;
        this.storage = storage;
        this.config = config;
    }

    @Transactional
    public StagedUpload stageUpload(UUID variantId, String fileName, String contentType, long byteSize) {
        UUID store = store();
        digitalVariant(variantId);
        String name = DigitalRules.fileName(fileName);
        String type = DigitalRules.contentType(contentType, config.uploads().contentTypes());
        long size = DigitalRules.byteSize(byteSize, config.uploads().maxBytes());
        long files = ((Number) em.createNativeQuery("select count(*) from digital.file where store_id = :s and variant_id = :v")
                .setParameter("s", store).setParameter("v", variantId).getSingleResult()).longValue();
        if (files >= config.uploads().maxFilesPerVariant()) {
            throw new DomainException(DigitalErrorCode.TOO_MANY_FILES, List.of("variantId"),
                    "A variant has at most " + config.uploads().maxFilesPerVariant() + " files.");
        }
        UUID id = Ids.newId();
        String token = OpaqueTokens.newToken(UPLOAD_PREFIX);
        Instant now = Instant.now();
        Instant expires = now.plus(config.uploads().urlExpiresAfter());
        em.createNativeQuery("insert into digital.file (store_id, id, variant_id, file_name, content_type, byte_size, storage_key, status, "
                + "upload_token_hash, upload_expires_at, created_at) values (:s, :id, :v, :n, :t, :b, :k, 'PENDING', :h, :e, :now)")
                .setParameter("s", store).setParameter("id", id).setParameter("v", variantId).setParameter("n", name).setParameter("t", type)
                .setParameter("b", size).setParameter("k", store + "/" + id).setParameter("h", OpaqueTokens.hash(token))
                .setParameter("e", expires).setParameter("now", now).executeUpdate();
        return new StagedUpload(id, token, expires);
    }

    /** Deletes a file: its bytes go, and links already handed out for it stop working (410). */
    @Transactional
    public void deleteFile(UUID fileId) {
        @SuppressWarnings("unchecked")
        List<Object> keys = em.createNativeQuery("delete from digital.file where store_id = :s and id = :id returning storage_key")
                .setParameter("s", store()).setParameter("id", fileId).getResultList();
        if (keys.isEmpty()) {
            throw new DomainException(DigitalErrorCode.FILE_NOT_FOUND, List.of("id"), "No file has this id.");
        }
        try {
            storage.delete((String) keys.get(0));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf(e, "The bytes of deleted file %s stay in storage", fileId); // the row is gone: nothing serves them again
        }
    }

    @Transactional
    public KeysAdded addKeys(UUID variantId, List<String> rawKeys) {
        UUID store = store();
        digitalVariant(variantId);
        List<String> keys = DigitalRules.keys(rawKeys, config.keys().maxPerCall());
        Instant now = Instant.now();
        int added = 0;
        for (String key : keys) {
            added += em.createNativeQuery("insert into digital.license_key (store_id, id, variant_id, key_value, created_at) "
                    + "values (:s, :id, :v, :k, :now) on conflict (store_id, variant_id, key_value) do nothing")
                    .setParameter("s", store).setParameter("id", Ids.newId()).setParameter("v", variantId).setParameter("k", key)
                    .setParameter("now", now).executeUpdate();
            now = now.plusNanos(1000); // keeps the pool's order (oldest first) the order the keys were given in
        }
        int handedOut = deliveries.fillAwaiting(store, variantId);
        return new KeysAdded(added, rawKeys.size() - added, handedOut);
    }

    /** A fresh link for a grant (new salt, so the old link stops working), valid for the configured time from now at least. */
    @Transactional
    public void resend(UUID grantId) {
        if (!links.configured()) {
            throw new DomainException(DigitalErrorCode.LINKS_NOT_CONFIGURED, List.of(), "This service signs no download links.");
        }
        String salt = DownloadLinks.newSalt();
        Instant floor = Instant.now().plus(config.links().expiresAfter());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update digital.download_grant set token_salt = :salt, token_hash = :hash, "
                + "expires_at = greatest(expires_at, :floor) where store_id = :s and id = :id returning order_id, order_line_id, expires_at")
                .setParameter("salt", salt).setParameter("hash", links.tokenHash(grantId, salt)).setParameter("floor", floor)
                .setParameter("s", store()).setParameter("id", grantId).getResultList();
        if (rows.isEmpty()) {
            throw new DomainException(DigitalErrorCode.DOWNLOAD_NOT_FOUND, List.of("downloadId"), "No download has this id.");
        }
        Object[] r = rows.get(0);
        events.publish(new DigitalDownloadLinkIssued(Rows.uuid(r[0]), grantId, Rows.uuid(r[1]), Rows.instant(r[2]), Instant.now()));
    }

    /** More downloads and/or more days (counted from the later of now and the current expiry). */
    @Transactional
    public void extend(UUID grantId, int extraDownloads, int extraDays) {
        DigitalRules.extension(extraDownloads, extraDays);
        int updated = em.createNativeQuery("update digital.download_grant set download_limit = download_limit + :d, "
                + "expires_at = case when :days = 0 then expires_at else greatest(expires_at, now()) + make_interval(secs => :secs) end "
                + "where store_id = :s and id = :id").setParameter("d", extraDownloads).setParameter("days", extraDays)
                .setParameter("secs", (double) Duration.ofDays(extraDays).toSeconds()).setParameter("s", store())
                .setParameter("id", grantId).executeUpdate();
        if (updated == 0) {
            throw new DomainException(DigitalErrorCode.DOWNLOAD_NOT_FOUND, List.of("downloadId"), "No download has this id.");
        }
    }

    private void digitalVariant(UUID variantId) {
        PurchasableVariant variant = variantId == null ? null : catalog.purchasableVariants(List.of(variantId)).get(variantId);
        if (variant == null) {
            throw new DomainException(DigitalErrorCode.VARIANT_NOT_FOUND, List.of("variantId"), "No variant has this id.");
        }
        if (variant.kind() != ProductKind.DIGITAL) {
            throw new DomainException(DigitalErrorCode.NOT_DIGITAL, List.of("variantId"), "Only variants of DIGITAL products carry files and keys.");
        }
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
