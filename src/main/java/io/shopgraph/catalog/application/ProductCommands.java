package io.shopgraph.catalog.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.api.events.ProductDeleted;
import io.shopgraph.catalog.api.events.VariantsCreated;
import io.shopgraph.catalog.application.ProductDraft.MediaDraft;
import io.shopgraph.catalog.application.ProductDraft.OptionDraft;
import io.shopgraph.catalog.application.ProductDraft.VariantDraft;
import io.shopgraph.catalog.domain.Product;
import io.shopgraph.catalog.domain.ProductMedia;
import io.shopgraph.catalog.domain.ProductMediaRepository;
import io.shopgraph.catalog.domain.ProductOption;
import io.shopgraph.catalog.domain.ProductOptionRepository;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.catalog.domain.ProductVariant;
import io.shopgraph.catalog.domain.ProductVariantRepository;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/** Creating, changing and deleting products. One method, one transaction; any failure writes nothing. */
@ApplicationScoped
public class ProductCommands {

    public static final int MAX_OPTIONS = 3;
    public static final int MAX_VARIANTS = 100;
    public static final int MAX_MEDIA = 50;
    static final Pattern HANDLE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,253}[a-z0-9])?");

    private final ProductRepository products;
    private final ProductOptionRepository options;
    private final ProductVariantRepository variants;
    private final ProductMediaRepository media;
    private final TenantContext tenant;
    private final StoreApi stores;
    private final CatalogReads reads;
    private final Event<VariantsCreated> variantsCreated;
    private final Event<ProductDeleted> productDeleted;
    private final ProductMetafields metafields;

    ProductCommands(ProductRepository products, ProductOptionRepository options, ProductVariantRepository variants,
            ProductMediaRepository media, TenantContext tenant, StoreApi stores, CatalogReads reads,
            Event<VariantsCreated> variantsCreated, Event<ProductDeleted> productDeleted, ProductMetafields metafields) {
        this.products = products;
        this.options = options;
        this.variants = variants;
        this.media = media;
        this.tenant = tenant;
        this.stores = stores;
        this.reads = reads;
        this.variantsCreated = variantsCreated;
        this.productDeleted = productDeleted;
        this.metafields = metafields;
    }

    /**
     * Creates a product. Handles and SKUs are checked up front; should a concurrent request take one
     * between the check and the insert, the unique index answers and the error is still precise.
     */
    @Transactional
    public ProductView create(ProductDraft draft) {
        try {
            return doCreate(draft);
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    private ProductView doCreate(ProductDraft draft) {
        String currency = stores.settings(Set.of(tenant.store().orElseThrow())).values().iterator().next().currencyCode();
        String title = title(draft.title());
        String handle = draft.handle() == null || draft.handle().isBlank() ? handleFrom(title) : handle(draft.handle());
        requireFreeHandle(handle, null);
        List<OptionDraft> optionDrafts = draft.options() == null ? List.of() : draft.options();
        validateOptions(optionDrafts);
        List<VariantDraft> variantDrafts = draft.variants() == null ? List.of() : draft.variants();
        if (variantDrafts.isEmpty() || variantDrafts.size() > MAX_VARIANTS) {
            throw error(ProductErrorCode.TOO_MANY_VARIANTS, List.of("input", "variants"),
                    "A product has between 1 and " + MAX_VARIANTS + " variants.");
        }
        List<MediaDraft> mediaDrafts = draft.media() == null ? List.of() : draft.media();
        validateMedia(mediaDrafts, variantDrafts.size());

        Instant now = Instant.now();
        Product product = new Product();
        product.id = Ids.newId();
        product.title = title;
        product.handle = handle;
        product.description = draft.description() == null ? "" : draft.description();
        product.descriptionHtml = toHtml(product.description);
        product.status = draft.status() == null ? ProductStatus.DRAFT : draft.status();
        product.publishedAt = draft.publishedAt() != null ? draft.publishedAt()
                : product.status == ProductStatus.ACTIVE ? now : null;
        product.kind = draft.kind() == null ? ProductKind.PHYSICAL : draft.kind();
        product.vendor = draft.vendor() == null ? "" : draft.vendor().strip();
        product.tags = tags(draft.tags());
        product.seoTitle = draft.seoTitle();
        product.seoDescription = draft.seoDescription();
        product.currencyCode = currency;
        product.createdAt = now;
        product.updatedAt = now;
        products.persist(product);
        if (draft.metafields() != null) {
            metafields.replace(product.id, draft.metafields(), List.of("input", "metafields"));
        }

        for (int i = 0; i < optionDrafts.size(); i++) {
            ProductOption option = new ProductOption();
            option.id = Ids.newId();
            option.productId = product.id;
            option.name = optionDrafts.get(i).name().strip();
            option.position = i;
            option.values = optionDrafts.get(i).values().stream().map(String::strip).toArray(String[]::new);
            options.persist(option);
        }

        List<ProductVariant> created = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<List<String>> combinations = new HashSet<>();
        for (int i = 0; i < variantDrafts.size(); i++) {
            VariantDraft v = variantDrafts.get(i);
            List<String> field = List.of("input", "variants", String.valueOf(i));
            List<String> values = CatalogRules.optionValues(optionDrafts, v.optionValues(), field);
            if (!combinations.add(values)) {
                throw error(ProductErrorCode.DUPLICATE_VARIANT, field, "Two variants have the options " + values + ".");
            }
            ProductVariant variant = new ProductVariant();
            variant.id = Ids.newId();
            variant.productId = product.id;
            variant.sku = CatalogRules.sku(v.sku());
            if (variant.sku != null && (!skus.add(variant.sku) || variants.count("sku", variant.sku) > 0)) {
                throw error(ProductErrorCode.SKU_TAKEN, append(field, "sku"), "The SKU '" + variant.sku + "' is already used.");
            }
            variant.optionValues = values.toArray(String[]::new);
            variant.title = CatalogRules.variantTitle(values);
            variant.currencyCode = currency;
            variant.priceMinor = CatalogRules.price(v.price(), currency, append(field, "price"));
            variant.compareAtMinor = v.compareAtPrice() == null ? null
                    : CatalogRules.price(v.compareAtPrice(), currency, append(field, "compareAtPrice"));
            CatalogRules.requireCompareAtNotBelow(variant.compareAtMinor, variant.priceMinor, append(field, "compareAtPrice"));
            variant.weightGrams = CatalogRules.weight(v.weightGrams(), append(field, "weightGrams"));
            CatalogRules.initialQuantity(v.initialQuantity(), append(field, "inventoryQuantity"));
            boolean physical = product.kind == ProductKind.PHYSICAL;
            variant.requiresShipping = v.requiresShipping() == null ? physical : v.requiresShipping();
            variant.taxable = v.taxable() == null || v.taxable();
            variant.position = i;
            variants.persist(variant);
            created.add(variant);
        }
        product.minPriceMinor = created.stream().mapToLong(v -> v.priceMinor).min().orElse(0);
        product.maxPriceMinor = created.stream().mapToLong(v -> v.priceMinor).max().orElse(0);

        for (int i = 0; i < mediaDrafts.size(); i++) {
            MediaDraft m = mediaDrafts.get(i);
            ProductMedia item = new ProductMedia();
            item.id = Ids.newId();
            item.productId = product.id;
            item.variantId = m.variantIndex() == null ? null : created.get(m.variantIndex()).id;
            item.url = m.url().strip();
            item.alt = m.alt();
            item.width = m.width();
            item.height = m.height();
            item.position = i;
            media.persist(item);
        }
        List<VariantsCreated.CreatedVariant> createdVariants = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            createdVariants.add(new VariantsCreated.CreatedVariant(created.get(i).id, variantDrafts.get(i).initialQuantity()));
        }
        variantsCreated.fire(new VariantsCreated(product.id, createdVariants));
        products.flush();
        return reads.productsByIds(List.of(product.id), false).get(product.id);
    }

    @Transactional
    public ProductView update(UUID id, ProductChanges changes) {
        try {
            return doUpdate(id, changes);
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    private ProductView doUpdate(UUID id, ProductChanges changes) {
        Product product = products.findByIdOptional(id).orElseThrow(ProductCommands::notFound);
        if (changes.title() != null) {
            product.title = title(changes.title());
        }
        if (changes.handle() != null) {
            String handle = handle(changes.handle());
            requireFreeHandle(handle, id);
            product.handle = handle;
        }
        if (changes.description() != null) {
            product.description = changes.description();
            product.descriptionHtml = toHtml(changes.description());
        }
        if (changes.status() != null) {
            if (changes.status() == ProductStatus.ACTIVE && product.publishedAt == null && changes.publishedAt() == null) {
                product.publishedAt = Instant.now();
            }
            product.status = changes.status();
        }
        if (changes.publishedAt() != null) {
            product.publishedAt = changes.publishedAt();
        }
        if (changes.kind() != null) {
            product.kind = changes.kind();
        }
        if (changes.vendor() != null) {
            product.vendor = changes.vendor().strip();
        }
        if (changes.tags() != null) {
            product.tags = tags(changes.tags());
        }
        if (changes.seoTitle() != null) {
            product.seoTitle = changes.seoTitle();
        }
        if (changes.seoDescription() != null) {
            product.seoDescription = changes.seoDescription();
        }
        if (changes.metafields() != null) {
            metafields.replace(id, changes.metafields(), List.of("input", "metafields"));
        }
        product.updatedAt = Instant.now();
        products.flush();
        return reads.productsByIds(List.of(id), false).get(id);
    }

    /** Deletes a product with its options, variants, media and collection memberships; returns its global id. */
    @Transactional
    public UUID delete(UUID id) {
        Product product = products.findByIdOptional(id).orElseThrow(ProductCommands::notFound);
        products.delete(product);
        products.flush();
        productDeleted.fire(new ProductDeleted(id));
        return id;
    }

    private static RuntimeException translate(ConstraintViolationException e) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        if (constraint.contains("handle")) {
            return error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"), "Another product already has this handle.");
        }
        if (constraint.contains("sku")) {
            return error(ProductErrorCode.SKU_TAKEN, List.of("input", "variants"), "A SKU is already used.");
        }
        return e;
    }

    // --- validation -----------------------------------------------------------------------------

    private void requireFreeHandle(String handle, UUID except) {
        long taken = except == null ? products.count("handle", handle) : products.count("handle = ?1 and id <> ?2", handle, except);
        if (taken > 0) {
            throw error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"), "Another product already has the handle '" + handle + "'.");
        }
    }

    private static void validateOptions(List<OptionDraft> drafts) {
        if (drafts.size() > MAX_OPTIONS) {
            throw error(ProductErrorCode.TOO_MANY_OPTIONS, List.of("input", "options"), "A product has at most " + MAX_OPTIONS + " options.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            OptionDraft o = drafts.get(i);
            List<String> field = List.of("input", "options", String.valueOf(i));
            if (o.name() == null || o.name().isBlank() || o.name().length() > 100 || !names.add(o.name().strip().toLowerCase())) {
                throw error(ProductErrorCode.INVALID_OPTION, append(field, "name"), "Each option needs a distinct name of 1 to 100 characters.");
            }
            if (o.values() == null || o.values().isEmpty()
                    || o.values().stream().anyMatch(v -> v == null || v.isBlank())
                    || o.values().stream().map(String::strip).distinct().count() != o.values().size()) {
                throw error(ProductErrorCode.INVALID_OPTION, append(field, "values"), "Each option needs distinct, non-empty values.");
            }
        }
    }

    private static void validateMedia(List<MediaDraft> drafts, int variantCount) {
        if (drafts.size() > MAX_MEDIA) {
            throw error(ProductErrorCode.INVALID_MEDIA, List.of("input", "media"), "A product has at most " + MAX_MEDIA + " media.");
        }
        for (int i = 0; i < drafts.size(); i++) {
            MediaDraft m = drafts.get(i);
            List<String> field = List.of("input", "media", String.valueOf(i));
            CatalogRules.mediaUrl(m.url(), m.width(), m.height(), field);
            if (m.variantIndex() != null && (m.variantIndex() < 0 || m.variantIndex() >= variantCount)) {
                throw error(ProductErrorCode.INVALID_MEDIA, append(field, "variantIndex"), "No variant has this index.");
            }
        }
    }

    static String title(String raw) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty() || title.length() > 255) {
            throw error(ProductErrorCode.INVALID_TITLE, List.of("input", "title"), "The title must have 1 to 255 characters.");
        }
        return title;
    }

    static String handle(String raw) {
        String handle = raw.strip();
        if (!HANDLE.matcher(handle).matches()) {
            throw error(ProductErrorCode.INVALID_HANDLE, List.of("input", "handle"),
                    "A handle is lowercase letters, digits and inner dashes, at most 255 characters.");
        }
        return handle;
    }

    static String handleFrom(String title) {
        String handle = java.text.Normalizer.normalize(title.toLowerCase(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (handle.length() > 200) {
            handle = handle.substring(0, 200).replaceAll("-+$", "");
        }
        return handle.isEmpty() ? "product-" + Ids.newId().toString().substring(0, 8) : handle;
    }

    private static String[] tags(List<String> raw) {
        if (raw == null) {
            return new String[0];
        }
        List<String> tags = raw.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.strip().toLowerCase()).distinct().toList();
        if (tags.size() > 250 || tags.stream().anyMatch(t -> t.length() > 255)) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("input", "tags"), "At most 250 tags of at most 255 characters.");
        }
        return tags.toArray(String[]::new);
    }

    /** The description as safe HTML: escaped text, one paragraph per blank-line-separated block. */
    static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field);
        result.add(name);
        return result;
    }

    static DomainException error(ProductErrorCode code, List<String> field, String message) {
        return new DomainException(code, field, message);
    }

    static DomainException notFound() {
        return error(ProductErrorCode.NOT_FOUND, List.of("id"), "No product has this id.");
    }
}
