package io.shopgraph.catalog.application.translation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.TranslationDraft;
import io.shopgraph.catalog.domain.TranslationErrorCode;
import io.shopgraph.catalog.domain.TranslationRules;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * Setting and removing the translations of products and collections. Each call is one transaction:
 * the whole input is validated first ({@link TranslationRules}) and any failure leaves every translation as it was.
 * Products and collections go through the same statements; only their tables differ ({@link Owner}).
 */
@ApplicationScoped
public class TranslationCommands {

    /** What can be translated: its table, its translation table and key column, and whether it keeps HTML. */
    enum Owner {
        PRODUCT("catalog.product", "catalog.product_translation", "product_id", true, "No product has this id."),
        COLLECTION("catalog.collection", "catalog.collection_translation", "collection_id", false, "No collection has this id.");

        final String table;
        final String translations;
        final String key;
        final boolean html;
        final String notFound;

        Owner(String table, String translations, String key, boolean html, String notFound) {
            this.table = table;
            this.translations = translations;
            this.key = key;
            this.html = html;
            this.notFound = notFound;
        }
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final StoreApi stores;
    private final CatalogReads reads;

    TranslationCommands(EntityManager em, TenantContext tenant, StoreApi stores, CatalogReads reads) {
        this.em = em;
        this.tenant = tenant;
        this.stores = stores;
        this.reads = reads;
    }

    /** Creates or replaces the product's translation in each given locale; other locales are kept. */
    @Transactional
    public ProductView setProductTranslations(UUID productId, List<TranslationDraft> translations) {
        set(Owner.PRODUCT, productId, translations);
        return reads.productsByIds(List.of(productId), false).get(productId);
    }

    /** Removes the product's translations in these locales; locales it has no translation for are ignored. */
    @Transactional
    public ProductView removeProductTranslations(UUID productId, List<String> locales) {
        remove(Owner.PRODUCT, productId, locales);
        return reads.productsByIds(List.of(productId), false).get(productId);
    }

    /** Creates or replaces the collection's translation in each given locale; other locales are kept. */
    @Transactional
    public CollectionView setCollectionTranslations(UUID collectionId, List<TranslationDraft> translations) {
        set(Owner.COLLECTION, collectionId, translations);
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    /** Removes the collection's translations in these locales; locales it has no translation for are ignored. */
    @Transactional
    public CollectionView removeCollectionTranslations(UUID collectionId, List<String> locales) {
        remove(Owner.COLLECTION, collectionId, locales);
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    private void set(Owner owner, UUID id, List<TranslationDraft> translations) {
        requireExists(owner, id);
        List<TranslationDraft> valid = TranslationRules.validate(translations, defaultLocale());
        Instant now = Instant.now();
        String htmlColumn = owner.html ? "description_html, " : "";
        String htmlValue = owner.html ? "cast(:html as text), " : "";
        String htmlUpdate = owner.html ? "description_html = excluded.description_html, " : "";
        for (TranslationDraft t : valid) {
            var statement = em.createNativeQuery("insert into " + owner.translations + " (store_id, " + owner.key + ", locale, title, "
                    + "description, " + htmlColumn + "updated_at) values (:store, :id, :locale, cast(:title as text), "
                    + "cast(:description as text), " + htmlValue + ":now) on conflict (store_id, " + owner.key + ", locale) do update "
                    + "set title = excluded.title, description = excluded.description, " + htmlUpdate + "updated_at = excluded.updated_at")
                    .setParameter("store", store()).setParameter("id", id).setParameter("locale", t.locale())
                    .setParameter("title", t.title()).setParameter("description", t.description())
                    .setParameter("now", now);
            if (owner.html) {
                statement.setParameter("html", t.description() == null ? null : ProductDrafts.toHtml(t.description()));
            }
            statement.executeUpdate();
        }
    }

    private void remove(Owner owner, UUID id, List<String> locales) {
        requireExists(owner, id);
        List<String> canonical = TranslationRules.validLocales(locales);
        if (!canonical.isEmpty()) {
            em.createNativeQuery("delete from " + owner.translations + " where store_id = :store and " + owner.key + " = :id "
                    + "and locale in (:locales)").setParameter("store", store()).setParameter("id", id)
                    .setParameter("locales", canonical).executeUpdate();
        }
    }

    private void requireExists(Owner owner, UUID id) {
        Number found = (Number) em.createNativeQuery("select count(*) from " + owner.table + " where store_id = :store and id = :id")
                .setParameter("store", store()).setParameter("id", id).getSingleResult();
        if (found.longValue() == 0) {
            throw new DomainException(TranslationErrorCode.NOT_FOUND, List.of("id"), owner.notFound);
        }
    }

    private String defaultLocale() {
        return stores.settings(Set.of(tenant.requireStore())).values().iterator().next().defaultLocale();
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
