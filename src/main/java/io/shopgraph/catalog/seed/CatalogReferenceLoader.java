package io.shopgraph.catalog.seed;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.application.collection.CollectionCommands;
import io.shopgraph.catalog.application.product.ProductCommands;
import io.shopgraph.catalog.domain.CollectionRepository;
import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.catalog.domain.ProductDraft.VariantDraft;
import io.shopgraph.catalog.domain.ProductDraft;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreSettings;
import io.shopgraph.platform.kernel.JsonP;

/**
 * Imports the reference catalogue ({@code headless-commerce-anchor-catalog/1}: products with a size
 * option group, variants with prices in minor units excluding tax and stock on hand, collections
 * defined by a category facet). The facet values become tags, collections keep their slug and
 * membership. Prices are taken as the store's currency: with tax included when the store shows
 * prices with tax ({@code priceWithTaxMinor}), without otherwise ({@code priceMinor}). Products whose
 * handle already exists are skipped, so loading twice is harmless.
 */
// Left out of native images (shopgraph.seed.excluded, application.properties); -Dshopgraph.seed.excluded=false keeps it.
@UnlessBuildProperty(name = "shopgraph.seed.excluded", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class CatalogReferenceLoader {

    static final String FORMAT = "headless-commerce-anchor-catalog/1";

    private final boolean enabled;
    private final String path;
    private final String storeHandle;
    private final StoreApi stores;
    private final TenantContext tenant;
    private final ProductRepository products;
    private final CollectionRepository collections;
    private final ProductCommands productCommands;
    private final CollectionCommands collectionCommands;

    CatalogReferenceLoader(CatalogSeedConfig config, StoreApi stores, TenantContext tenant, ProductRepository products, CollectionRepository collections,
            ProductCommands productCommands, CollectionCommands collectionCommands) {
        this.enabled = config.reference().enabled();
        this.path = config.reference().path();
        this.storeHandle = config.reference().store();
        this.stores = stores;
        this.tenant = tenant;
        this.products = products;
        this.collections = collections;
        this.productCommands = productCommands;
        this.collectionCommands = collectionCommands;
    }

    @ActivateRequestContext
    void onStart(@Observes @Priority(CatalogDemoSeeder.PRIORITY + 100) StartupEvent event) throws IOException {
        if (!enabled) {
            return;
        }
        Optional<StoreId> store = stores.storeByHandle(storeHandle);
        if (store.isEmpty()) {
            Log.warnf("No store '%s' to load the reference catalogue into", storeHandle);
            return;
        }
        long started = System.nanoTime();
        int loaded = load(store.get(), Path.of(path), Integer.MAX_VALUE);
        Log.infof("Loaded %d reference products from %s into store '%s' in %d ms", loaded, path, storeHandle,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Loads up to {@code limit} products of the document into the store; returns how many were created. */
    public int load(StoreId store, Path file, int limit) throws IOException {
        tenant.enter(store);
        StoreSettings settings = stores.settings(Set.of(store)).get(store);
        JsonObject doc;
        try (InputStream in = open(file); JsonReader reader = JsonP.createReader(in)) {
            doc = reader.readObject();
        }
        if (!FORMAT.equals(doc.getString("format", ""))) {
            throw new IllegalArgumentException("Not a " + FORMAT + " document: " + file);
        }
        Instant publishedAt = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, List<UUID>> members = new LinkedHashMap<>();
        int created = 0;
        int seen = 0;
        for (JsonValue value : doc.getJsonArray("products")) {
            if (seen++ >= limit) {
                break;
            }
            JsonObject p = value.asJsonObject();
            String handle = p.getString("slug");
            if (QuarkusTransaction.requiringNew().call(() -> products.count("handle", handle)) > 0) {
                continue;
            }
            List<OptionDraft> options = new ArrayList<>();
            List<String> optionCodes = new ArrayList<>();
            for (JsonValue g : p.getJsonArray("optionGroups")) {
                JsonObject group = g.asJsonObject();
                optionCodes.add(group.getString("code"));
                options.add(new OptionDraft(capitalise(group.getString("name")), strings(group, "values")));
            }
            List<VariantDraft> variants = new ArrayList<>();
            for (JsonValue v : p.getJsonArray("variants")) {
                JsonObject variant = v.asJsonObject();
                JsonObject selected = variant.getJsonObject("options");
                long minor = variant.getJsonNumber(settings.pricesIncludeTax() ? "priceWithTaxMinor" : "priceMinor").longValueExact();
                variants.add(new VariantDraft(variant.getString("sku"), optionCodes.stream().map(selected::getString).toList(),
                        BigDecimal.valueOf(minor, 2), null, null, true, true, variant.getInt("stockOnHand")));
            }
            List<String> tags = p.getJsonArray("facetValues").stream().map(f -> f.asJsonObject().getString("value")).toList();
            ProductDraft draft = new ProductDraft(p.getString("name"), handle, p.getString("description", ""), ProductStatus.ACTIVE,
                    publishedAt, ProductKind.PHYSICAL, "", tags, null, null, options, variants, List.of());
            UUID id = productCommands.create(draft).uuid();
            created++;
            for (String slug : strings(p, "collections")) {
                members.computeIfAbsent(slug, k -> new ArrayList<>()).add(id);
            }
        }
        for (JsonValue value : doc.getJsonArray("collections")) {
            JsonObject c = value.asJsonObject();
            String slug = c.getString("slug");
            List<UUID> ids = members.getOrDefault(slug, List.of());
            UUID collectionId = QuarkusTransaction.requiringNew().call(() -> collections.idByHandle(slug).orElse(null));
            if (collectionId == null) {
                collectionId = collectionCommands.create(c.getString("name"), slug, "", null, null).uuid();
            }
            for (int from = 0; from < ids.size(); from += 250) {
                collectionCommands.addProducts(collectionId, ids.subList(from, Math.min(ids.size(), from + 250)));
            }
        }
        return created;
    }

    /** The file, uncompressed on the fly when its name ends in .gz (the repository keeps it compressed). */
    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in;
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
