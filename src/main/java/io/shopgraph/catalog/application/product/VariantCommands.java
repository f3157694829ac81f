package io.shopgraph.catalog.application.product;

import static io.shopgraph.catalog.domain.CatalogRules.append;
import static io.shopgraph.catalog.domain.CatalogRules.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.panache.common.Sort;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.api.events.VariantsCreated;
import io.shopgraph.catalog.api.events.VariantsDeleted;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.domain.CatalogRules;
import io.shopgraph.catalog.domain.Product;
import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.catalog.domain.ProductDraft.VariantDraft;
import io.shopgraph.catalog.domain.DepositRules;
import io.shopgraph.catalog.api.DepositKind;
import io.shopgraph.catalog.api.VariantDeposit;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.catalog.domain.ProductOptionRepository;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.catalog.domain.ProductVariant;
import io.shopgraph.catalog.domain.ProductVariantRepository;
import io.shopgraph.platform.kernel.Ids;

/**
 * Adding, changing and deleting variants of an existing product, many at a time. Each call is one
 * transaction and all or nothing; it keeps the product's denormalised price range in step and tells
 * inventory about created and deleted variants through events observed in the same transaction.
 */
@ApplicationScoped
public class VariantCommands {

    /** The product after the change, and the variants the call created or changed, in input order. */
    public record VariantsResult(ProductView product, List<ProductVariantView> variants) {
    }

    /** The product after the deletion, and the deleted variants' ids. */
    public record VariantsDeletion(ProductView product, List<UUID> deletedVariantIds) {
    }

    private final ProductRepository products;
    private final ProductOptionRepository options;
    private final ProductVariantRepository variants;
    private final CatalogReads reads;
    private final Event<VariantsCreated> variantsCreated;
    private final Event<VariantsDeleted> variantsDeleted;

    VariantCommands(ProductRepository products, ProductOptionRepository options, ProductVariantRepository variants,
            CatalogReads reads, Event<VariantsCreated> variantsCreated, Event<VariantsDeleted> variantsDeleted) {
        this.products = products;
        this.options = options;
        this.variants = variants;
        this.reads = reads;
        this.variantsCreated = variantsCreated;
        this.variantsDeleted = variantsDeleted;
    }

    @Transactional
    public VariantsResult create(UUID productId, List<VariantDraft> drafts) {
        try {
            return doCreate(productId, drafts);
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    @Transactional
    public VariantsResult update(UUID productId, List<VariantChange> changes) {
        try {
            return doUpdate(productId, changes);
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    /** Deletes variants of the product; ids that are not its variants refuse the whole call. */
    @Transactional
    public VariantsDeletion delete(UUID productId, List<UUID> variantIds) {
        Product product = product(productId);
        if (variantIds.isEmpty() || variantIds.size() > ProductDrafts.MAX_VARIANTS) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("variantIds"), "Send 1 to " + ProductDrafts.MAX_VARIANTS + " ids.");
        }
        Map<UUID, ProductVariant> existing = existing(productId);
        Set<UUID> doomed = new HashSet<>();
        for (int i = 0; i < variantIds.size(); i++) {
            if (!existing.containsKey(variantIds.get(i))) {
                throw error(ProductErrorCode.NOT_FOUND, List.of("variantIds", String.valueOf(i)), "The product has no variant with this id.");
            }
            doomed.add(variantIds.get(i));
        }
        if (doomed.size() >= existing.size()) {
            throw error(ProductErrorCode.LAST_VARIANT, List.of("variantIds"),
                    "A product keeps at least one variant; delete the product instead.");
        }
        List<UUID> deleted = List.copyOf(new java.util.LinkedHashSet<>(variantIds));
        variants.delete("productId = ?1 and id in ?2", productId, deleted);
        existing.keySet().removeAll(doomed);
        priceRange(product, existing.values());
        product.updatedAt = Instant.now();
        products.flush();
        variantsDeleted.fire(new VariantsDeleted(productId, deleted));
        return new VariantsDeletion(reads.productsByIds(List.of(productId), false).get(productId), deleted);
    }

    private VariantsResult doCreate(UUID productId, List<VariantDraft> drafts) {
        Product product = product(productId);
        Map<UUID, ProductVariant> existing = existing(productId);
        if (drafts.isEmpty()) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("variants"), "Send at least one variant.");
        }
        if (existing.size() + drafts.size() > ProductDrafts.MAX_VARIANTS) {
            throw error(ProductErrorCode.TOO_MANY_VARIANTS, List.of("variants"),
                    "A product has at most " + ProductDrafts.MAX_VARIANTS + " variants; it has " + existing.size() + ".");
        }
        List<OptionDraft> optionDrafts = optionDrafts(productId);
        Set<List<String>> combinations = new HashSet<>();
        Set<String> skus = new HashSet<>();
        int position = 0;
        for (ProductVariant v : existing.values()) {
            combinations.add(List.of(v.optionValues));
            if (v.sku != null) {
                skus.add(v.sku);
            }
            position = Math.max(position, v.position + 1);
        }
        Set<String> takenElsewhere = takenElsewhere(productId, drafts.stream().map(d -> CatalogRules.sku(d.sku())).toList());
        List<ProductVariant> created = new ArrayList<>();
        List<VariantsCreated.CreatedVariant> events = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            VariantDraft d = drafts.get(i);
            List<String> field = List.of("variants", String.valueOf(i));
            List<String> values = CatalogRules.optionValues(optionDrafts, d.optionValues(), field);
            if (!combinations.add(values)) {
                throw error(ProductErrorCode.DUPLICATE_VARIANT, field, "Another variant has the options " + values + ".");
            }
            ProductVariant variant = new ProductVariant();
            variant.id = Ids.newId();
            variant.productId = productId;
            variant.sku = CatalogRules.sku(d.sku());
            if (variant.sku != null && (takenElsewhere.contains(variant.sku) || !skus.add(variant.sku))) {
                throw error(ProductErrorCode.SKU_TAKEN, append(field, "sku"), "The SKU '" + variant.sku + "' is already used.");
            }
            variant.optionValues = values.toArray(String[]::new);
            variant.title = CatalogRules.variantTitle(values);
            variant.currencyCode = product.currencyCode;
            variant.priceMinor = CatalogRules.price(d.price(), product.currencyCode, append(field, "price"));
            variant.compareAtMinor = d.compareAtPrice() == null ? null
                    : CatalogRules.price(d.compareAtPrice(), product.currencyCode, append(field, "compareAtPrice"));
            CatalogRules.requireCompareAtNotBelow(variant.compareAtMinor, variant.priceMinor, append(field, "compareAtPrice"));
            variant.weightGrams = CatalogRules.weight(d.weightGrams(), append(field, "weightGrams"));
            Integer quantity = CatalogRules.initialQuantity(d.initialQuantity(), append(field, "inventoryQuantity"));
            variant.requiresShipping = d.requiresShipping() == null ? product.kind == ProductKind.PHYSICAL : d.requiresShipping();
            variant.taxable = d.taxable() == null || d.taxable();
            DepositRules.apply(variant, DepositRules.deposit(d.deposit(), variant.priceMinor, product.currencyCode, append(field, "deposit")));
            variant.position = position++;
            variants.persist(variant);
            created.add(variant);
            events.add(new VariantsCreated.CreatedVariant(variant.id, quantity));
        }
        List<ProductVariant> all = new ArrayList<>(existing.values());
        all.addAll(created);
        priceRange(product, all);
        product.updatedAt = Instant.now();
        products.flush();
        variantsCreated.fire(new VariantsCreated(productId, events));
        return result(productId, created.stream().map(v -> v.id).toList());
    }

    private VariantsResult doUpdate(UUID productId, List<VariantChange> changes) {
        Product product = product(productId);
        if (changes.isEmpty() || changes.size() > ProductDrafts.MAX_VARIANTS) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("variants"), "Send 1 to " + ProductDrafts.MAX_VARIANTS + " variants.");
        }
        Map<UUID, ProductVariant> existing = existing(productId);
        Set<UUID> touched = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            UUID id = changes.get(i).id();
            if (!existing.containsKey(id)) {
                throw error(ProductErrorCode.NOT_FOUND, List.of("variants", String.valueOf(i), "id"), "The product has no variant with this id.");
            }
            if (!touched.add(id)) {
                throw error(ProductErrorCode.INVALID_VALUE, List.of("variants", String.valueOf(i), "id"), "A variant appears twice.");
            }
        }
        Set<String> takenElsewhere = takenElsewhere(productId, changes.stream().map(c -> CatalogRules.sku(c.sku())).toList());
        List<OptionDraft> optionDrafts = optionDrafts(productId);
        // The state after the change: untouched variants first, then the changed ones in input order, so
        // that a clash is reported at the input that causes it.
        Map<List<String>, UUID> combinations = new HashMap<>();
        Map<String, UUID> skus = new HashMap<>();
        for (ProductVariant v : existing.values()) {
            if (!touched.contains(v.id)) {
                combinations.put(List.of(v.optionValues), v.id);
                if (v.sku != null) {
                    skus.put(v.sku, v.id);
                }
            }
        }
        Map<UUID, String> newSkus = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            VariantChange c = changes.get(i);
            List<String> field = List.of("variants", String.valueOf(i));
            ProductVariant variant = existing.get(c.id());
            List<String> values = c.optionValues() == null ? List.of(variant.optionValues)
                    : CatalogRules.optionValues(optionDrafts, c.optionValues(), field);
            if (combinations.putIfAbsent(values, variant.id) != null) {
                throw error(ProductErrorCode.DUPLICATE_VARIANT, field, "Another variant has the options " + values + ".");
            }
            String sku = c.sku() == null ? variant.sku : CatalogRules.sku(c.sku());
            if (sku != null && (skus.putIfAbsent(sku, variant.id) != null || (c.sku() != null && takenElsewhere.contains(sku)))) {
                throw error(ProductErrorCode.SKU_TAKEN, append(field, "sku"), "The SKU '" + sku + "' is already used.");
            }
            long price = c.price() == null ? variant.priceMinor : CatalogRules.price(c.price(), product.currencyCode, append(field, "price"));
            Long compareAt = c.clearCompareAtPrice() ? null : c.compareAtPrice() == null ? variant.compareAtMinor
                    : Long.valueOf(CatalogRules.price(c.compareAtPrice(), product.currencyCode, append(field, "compareAtPrice")));
            CatalogRules.requireCompareAtNotBelow(compareAt, price, append(field, "compareAtPrice"));
            Integer weight = c.weightGrams() == null ? variant.weightGrams : CatalogRules.weight(c.weightGrams(), append(field, "weightGrams"));
            VariantDeposit deposit = c.clearDeposit() ? null : c.deposit() != null
                    ? DepositRules.deposit(c.deposit(), price, product.currencyCode, append(field, "deposit"))
                    : variant.depositKind == null ? null : new VariantDeposit(DepositKind.valueOf(variant.depositKind), variant.depositValue);
            if (deposit != null) {
                DepositRules.requireWithinPrice(deposit.kind().name(), deposit.value(), price, append(field, "deposit"));
            }

            if (!Objects.equals(sku, variant.sku)) {
                newSkus.put(variant.id, sku);
            }
            variant.optionValues = values.toArray(String[]::new);
            variant.title = CatalogRules.variantTitle(values);
            variant.priceMinor = price;
            variant.compareAtMinor = compareAt;
            variant.weightGrams = weight;
            if (c.requiresShipping() != null) {
                variant.requiresShipping = c.requiresShipping();
            }
            if (c.taxable() != null) {
                variant.taxable = c.taxable();
            }
            DepositRules.apply(variant, deposit);
        }
        if (!newSkus.isEmpty()) {
            // Free the changing SKUs first, so that two variants may swap theirs without tripping the unique index.
            newSkus.keySet().forEach(id -> existing.get(id).sku = null);
            variants.flush();
            newSkus.forEach((id, sku) -> existing.get(id).sku = sku);
        }
        priceRange(product, existing.values());
        product.updatedAt = Instant.now();
        products.flush();
        return result(productId, changes.stream().map(VariantChange::id).toList());
    }

    /**
     * The product, locked until the transaction ends: calls on the same product's variants and media run
     * one after the other, so positions and the price range are computed from what the previous call committed.
     */
    /** A SKU taken by a concurrent call between the check and the write, still reported precisely. */
    private static RuntimeException translate(ConstraintViolationException e) {
        if (e.getConstraintName() != null && e.getConstraintName().contains("sku")) {
            return error(ProductErrorCode.SKU_TAKEN, List.of("variants"), "A SKU is already used.");
        }
        return e;
    }

    private Product product(UUID id) {
        return products.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> error(ProductErrorCode.NOT_FOUND, List.of("productId"), "No product has this id."));
    }

    /** The product's variants in position order, by id. */
    private Map<UUID, ProductVariant> existing(UUID productId) {
        Map<UUID, ProductVariant> found = new LinkedHashMap<>();
        variants.list("productId", Sort.by("position").and("id"), productId).forEach(v -> found.put(v.id, v));
        return found;
    }

    private List<OptionDraft> optionDrafts(UUID productId) {
        return CatalogRules.optionDrafts(options.list("productId", productId));
    }

    /** Which of these SKUs variants of other products already use (one statement). */
    private Set<String> takenElsewhere(UUID productId, List<String> skus) {
        List<String> wanted = skus.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Set<String> taken = new HashSet<>();
        variants.list("sku in ?1 and productId <> ?2", wanted, productId).forEach(v -> taken.add(v.sku));
        return taken;
    }

    private static void priceRange(Product product, java.util.Collection<ProductVariant> all) {
        product.minPriceMinor = all.stream().mapToLong(v -> v.priceMinor).min().orElse(0);
        product.maxPriceMinor = all.stream().mapToLong(v -> v.priceMinor).max().orElse(0);
    }

    private VariantsResult result(UUID productId, List<UUID> variantIds) {
        Map<UUID, ProductVariantView> views = reads.variantsByIds(variantIds, false);
        return new VariantsResult(reads.productsByIds(List.of(productId), false).get(productId),
                variantIds.stream().map(views::get).toList());
    }
}
