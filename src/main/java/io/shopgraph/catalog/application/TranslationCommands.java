package io.shopgraph.catalog.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * Setting and removing the translations of products and collections. Each call is one transaction:
 * the whole input is validated first and any failure leaves every translation as it was.
 */
@ApplicationScoped
public class TranslationCommands {

    static final int MAX_LOCALES = 50;
    static final int MAX_DESCRIPTION = 65_535;

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
        requireExists("catalog.product", productId);
        List<TranslationDraft> valid = validate(translations);
        Instant now = Instant.now();
        for (TranslationDraft t : valid) {
            em.createNativeQuery("insert into catalog.product_translation (store_id, product_id, locale, title, description, "
                    + "description_html, updated_at) values (:store, :id, :locale, cast(:title as text), cast(:description as text), cast(:html as text), :now) "
                    + "on conflict (store_id, product_id, locale) do update set title = excluded.title, "
                    + "description = excluded.description, description_html = excluded.description_html, updated_at = excluded.updated_at")
                    .setParameter("store", store()).setParameter("id", productId).setParameter("locale", t.locale())
                    .setParameter("title", t.title()).setParameter("description", t.description())
                    .setParameter("html", t.description() == null ? null : ProductCommands.toHtml(t.description()))
                    .setParameter("now", now).executeUpdate();
        }
        return reads.productsByIds(List.of(productId), false).get(productId);
    }

    /** Removes the product's translations in these locales; locales it has no translation for are ignored. */
    @Transactional
    public ProductView removeProductTranslations(UUID productId, List<String> locales) {
        requireExists("catalog.product", productId);
        List<String> canonical = validLocales(locales);
        if (!canonical.isEmpty()) {
            em.createNativeQuery("delete from catalog.product_translation where store_id = :store and product_id = :id "
                    + "and locale in (:locales)").setParameter("store", store()).setParameter("id", productId)
                    .setParameter("locales", canonical).executeUpdate();
        }
        return reads.productsByIds(List.of(productId), false).get(productId);
    }

    /** Creates or replaces the collection's translation in each given locale; other locales are kept. */
    @Transactional
    public CollectionView setCollectionTranslations(UUID collectionId, List<TranslationDraft> translations) {
        requireExists("catalog.collection", collectionId);
        List<TranslationDraft> valid = validate(translations);
        Instant now = Instant.now();
        for (TranslationDraft t : valid) {
            em.createNativeQuery("insert into catalog.collection_translation (store_id, collection_id, locale, title, description, "
                    + "updated_at) values (:store, :id, :locale, cast(:title as text), cast(:description as text), :now) "
                    + "on conflict (store_id, collection_id, locale) do update set title = excluded.title, "
                    + "description = excluded.description, updated_at = excluded.updated_at")
                    .setParameter("store", store()).setParameter("id", collectionId).setParameter("locale", t.locale())
                    .setParameter("title", t.title()).setParameter("description", t.description())
                    .setParameter("now", now).executeUpdate();
        }
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    /** Removes the collection's translations in these locales; locales it has no translation for are ignored. */
    @Transactional
    public CollectionView removeCollectionTranslations(UUID collectionId, List<String> locales) {
        requireExists("catalog.collection", collectionId);
        List<String> canonical = validLocales(locales);
        if (!canonical.isEmpty()) {
            em.createNativeQuery("delete from catalog.collection_translation where store_id = :store and collection_id = :id "
                    + "and locale in (:locales)").setParameter("store", store()).setParameter("id", collectionId)
                    .setParameter("locales", canonical).executeUpdate();
        }
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    // --- validation -------------------------------------------------------------------------------

    private List<TranslationDraft> validate(List<TranslationDraft> translations) {
        if (translations.size() > MAX_LOCALES) {
            throw new DomainException(TranslationErrorCode.TOO_MANY_TRANSLATIONS, List.of("translations"),
                    "At most " + MAX_LOCALES + " locales at a time.");
        }
        String defaultLocale = defaultLocale();
        Set<String> seen = new HashSet<>();
        List<TranslationDraft> valid = new ArrayList<>();
        for (int i = 0; i < translations.size(); i++) {
            TranslationDraft t = translations.get(i);
            List<String> at = List.of("translations", String.valueOf(i));
            String locale = locale(t.locale(), append(at, "locale"), defaultLocale);
            if (!seen.add(locale)) {
                throw new DomainException(TranslationErrorCode.DUPLICATE_LOCALE, append(at, "locale"),
                        "The locale " + locale + " appears more than once.");
            }
            String title = t.title() == null ? null : t.title().strip();
            if (title != null && (title.isEmpty() || title.length() > 255)) {
                throw new DomainException(TranslationErrorCode.INVALID_TITLE, append(at, "title"),
                        "A translated title has 1 to 255 characters.");
            }
            String description = t.description();
            if (description != null && description.length() > MAX_DESCRIPTION) {
                throw new DomainException(TranslationErrorCode.INVALID_DESCRIPTION, append(at, "description"),
                        "A translated description has at most " + MAX_DESCRIPTION + " characters.");
            }
            if (title == null && description == null) {
                throw new DomainException(TranslationErrorCode.EMPTY_TRANSLATION, at, "Give a title, a description or both.");
            }
            valid.add(new TranslationDraft(locale, title, description));
        }
        return valid;
    }

    private List<String> validLocales(List<String> locales) {
        if (locales.size() > MAX_LOCALES) {
            throw new DomainException(TranslationErrorCode.TOO_MANY_TRANSLATIONS, List.of("locales"),
                    "At most " + MAX_LOCALES + " locales at a time.");
        }
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < locales.size(); i++) {
            String locale = CatalogLocale.canonical(locales.get(i));
            if (locale == null) {
                throw new DomainException(TranslationErrorCode.INVALID_LOCALE, List.of("locales", String.valueOf(i)),
                        "A locale is a language code, optionally with a region, e.g. fr or fr-CA.");
            }
            canonical.add(locale);
        }
        return canonical;
    }

    private static String locale(String raw, List<String> field, String defaultLocale) {
        String locale = CatalogLocale.canonical(raw);
        if (locale == null) {
            throw new DomainException(TranslationErrorCode.INVALID_LOCALE, field,
                    "A locale is a language code, optionally with a region, e.g. fr or fr-CA.");
        }
        if (locale.equals(defaultLocale)) {
            throw new DomainException(TranslationErrorCode.INVALID_LOCALE, field,
                    locale + " is the store's default locale: change the product's or collection's own fields instead.");
        }
        return locale;
    }

    private void requireExists(String table, UUID id) {
        Number found = (Number) em.createNativeQuery("select count(*) from " + table + " where store_id = :store and id = :id")
                .setParameter("store", store()).setParameter("id", id).getSingleResult();
        if (found.longValue() == 0) {
            throw new DomainException(TranslationErrorCode.NOT_FOUND, List.of("id"),
                    table.endsWith("collection") ? "No collection has this id." : "No product has this id.");
        }
    }

    private String defaultLocale() {
        return stores.settings(Set.of(tenant.requireStore())).values().iterator().next().defaultLocale();
    }

    private UUID store() {
        return tenant.requireStore().value();
    }

    private static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field);
        result.add(name);
        return List.copyOf(result);
    }
}
