package io.shopgraph.catalog.domain;

import static io.shopgraph.catalog.domain.CatalogRules.append;
import static io.shopgraph.catalog.domain.CatalogRules.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.domain.ProductDraft.MediaDraft;
import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.catalog.domain.ProductDraft.VariantDraft;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;

/**
 * Validates a {@link ProductDraft} and turns it into entities, without touching the database: shared
 * by productCreate and productsImport so both accept and refuse exactly the same products. Every
 * failure is a {@link DomainException} whose field path starts with the draft's own path.
 */
public final class ProductDrafts {

    public static final int MAX_OPTIONS = 3;
    public static final int MAX_VARIANTS = 100;
    public static final int MAX_MEDIA = 50;
    static final Pattern HANDLE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,253}[a-z0-9])?");
    /** The field path of a single product's input (productCreate, productUpdate, collection mutations). */
    public static final List<String> INPUT = List.of("input");

    private ProductDrafts() {
    }

    /** Checks the draft and builds its entities (new ids, positions, derived fields) in the given currency. */
    public static PreparedProduct prepare(ProductDraft draft, String currency, Instant now, List<String> at) {
        String title = title(draft.title(), at);
        String handle = draft.handle() == null || draft.handle().isBlank() ? handleFrom(title) : handle(draft.handle(), at);
        List<OptionDraft> optionDrafts = draft.options() == null ? List.of() : draft.options();
        validateOptions(optionDrafts, at);
        List<VariantDraft> variantDrafts = draft.variants() == null ? List.of() : draft.variants();
        if (variantDrafts.isEmpty() || variantDrafts.size() > MAX_VARIANTS) {
            throw error(ProductErrorCode.TOO_MANY_VARIANTS, append(at, "variants"),
                    "A product has between 1 and " + MAX_VARIANTS + " variants.");
        }
        List<MediaDraft> mediaDrafts = draft.media() == null ? List.of() : draft.media();
        validateMedia(mediaDrafts, variantDrafts.size(), at);

        Product product = new Product();
        product.id = Ids.newId();
        product.title = title;
        product.handle = handle;
        if (draft.descriptionHtml() != null) {
            product.descriptionHtml = DescriptionHtml.sanitize(draft.descriptionHtml());
            product.description = draft.description() != null ? draft.description() : DescriptionHtml.text(product.descriptionHtml);
        } else {
            product.description = draft.description() == null ? "" : draft.description();
            product.descriptionHtml = toHtml(product.description);
        }
        product.status = draft.status() == null ? ProductStatus.DRAFT : draft.status();
        product.publishedAt = draft.publishedAt() != null ? draft.publishedAt()
                : product.status == ProductStatus.ACTIVE ? now : null;
        product.kind = draft.kind() == null ? ProductKind.PHYSICAL : draft.kind();
        product.vendor = draft.vendor() == null ? "" : draft.vendor().strip();
        product.tags = tags(draft.tags(), at);
        product.seoTitle = draft.seoTitle();
        product.seoDescription = draft.seoDescription();
        product.currencyCode = currency;
        product.createdAt = now;
        product.updatedAt = now;

        List<ProductOption> options = new ArrayList<>();
        for (int i = 0; i < optionDrafts.size(); i++) {
            ProductOption option = new ProductOption();
            option.id = Ids.newId();
            option.productId = product.id;
            option.name = optionDrafts.get(i).name().strip();
            option.position = i;
            option.values = optionDrafts.get(i).values().stream().map(String::strip).toArray(String[]::new);
            options.add(option);
        }

        List<ProductVariant> variants = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<List<String>> combinations = new HashSet<>();
        for (int i = 0; i < variantDrafts.size(); i++) {
            VariantDraft v = variantDrafts.get(i);
            List<String> field = append(append(at, "variants"), String.valueOf(i));
            List<String> values = CatalogRules.optionValues(optionDrafts, v.optionValues(), field);
            if (!combinations.add(values)) {
                throw error(ProductErrorCode.DUPLICATE_VARIANT, field, "Two variants have the options " + values + ".");
            }
            ProductVariant variant = new ProductVariant();
            variant.id = Ids.newId();
            variant.productId = product.id;
            variant.sku = CatalogRules.sku(v.sku());
            if (variant.sku != null && !skus.add(variant.sku)) {
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
            DepositRules.apply(variant, DepositRules.deposit(v.deposit(), variant.priceMinor, currency, append(field, "deposit")));
            variant.position = i;
            variants.add(variant);
            quantities.add(v.initialQuantity());
        }
        product.minPriceMinor = variants.stream().mapToLong(v -> v.priceMinor).min().orElse(0);
        product.maxPriceMinor = variants.stream().mapToLong(v -> v.priceMinor).max().orElse(0);

        List<ProductMedia> media = new ArrayList<>();
        for (int i = 0; i < mediaDrafts.size(); i++) {
            MediaDraft m = mediaDrafts.get(i);
            ProductMedia item = new ProductMedia();
            item.id = Ids.newId();
            item.productId = product.id;
            item.variantId = m.variantIndex() == null ? null : variants.get(m.variantIndex()).id;
            item.url = m.url().strip();
            item.alt = m.alt();
            item.width = m.width();
            item.height = m.height();
            item.position = i;
            media.add(item);
        }
        return new PreparedProduct(List.copyOf(at), product, options, variants, quantities, media);
    }

    // --- field rules, also used by productUpdate and the collection commands ---------------------

    public static String title(String raw, List<String> at) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty() || title.length() > 255) {
            throw error(ProductErrorCode.INVALID_TITLE, append(at, "title"), "The title must have 1 to 255 characters.");
        }
        return title;
    }

    public static String handle(String raw, List<String> at) {
        String handle = raw.strip();
        if (!HANDLE.matcher(handle).matches()) {
            throw error(ProductErrorCode.INVALID_HANDLE, append(at, "handle"),
                    "A handle is lowercase letters, digits and inner dashes, at most 255 characters.");
        }
        return handle;
    }

    public static String handleFrom(String title) {
        String handle = java.text.Normalizer.normalize(title.toLowerCase(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (handle.length() > 200) {
            handle = handle.substring(0, 200).replaceAll("-+$", "");
        }
        return handle.isEmpty() ? "product-" + Ids.newId().toString().substring(0, 8) : handle;
    }

    public static String[] tags(List<String> raw, List<String> at) {
        if (raw == null) {
            return new String[0];
        }
        List<String> tags = raw.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.strip().toLowerCase()).distinct().toList();
        if (tags.size() > 250 || tags.stream().anyMatch(t -> t.length() > 255)) {
            throw error(ProductErrorCode.INVALID_VALUE, append(at, "tags"), "At most 250 tags of at most 255 characters.");
        }
        return tags.toArray(String[]::new);
    }

    /** The description as safe HTML: escaped text, one paragraph per blank-line-separated block. */
    public static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.toString();
    }

    private static void validateOptions(List<OptionDraft> drafts, List<String> at) {
        if (drafts.size() > MAX_OPTIONS) {
            throw error(ProductErrorCode.TOO_MANY_OPTIONS, append(at, "options"), "A product has at most " + MAX_OPTIONS + " options.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            OptionDraft o = drafts.get(i);
            List<String> field = append(append(at, "options"), String.valueOf(i));
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

    private static void validateMedia(List<MediaDraft> drafts, int variantCount, List<String> at) {
        if (drafts.size() > MAX_MEDIA) {
            throw error(ProductErrorCode.INVALID_MEDIA, append(at, "media"), "A product has at most " + MAX_MEDIA + " media.");
        }
        for (int i = 0; i < drafts.size(); i++) {
            MediaDraft m = drafts.get(i);
            List<String> field = append(append(at, "media"), String.valueOf(i));
            CatalogRules.mediaUrl(m.url(), m.width(), m.height(), field);
            if (m.variantIndex() != null && (m.variantIndex() < 0 || m.variantIndex() >= variantCount)) {
                throw error(ProductErrorCode.INVALID_MEDIA, append(field, "variantIndex"), "No variant has this index.");
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }


}
