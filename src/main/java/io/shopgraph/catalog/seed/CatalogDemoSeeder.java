package io.shopgraph.catalog.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.collection.CollectionCommands;
import io.shopgraph.catalog.application.product.ProductCommands;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.domain.ProductDraft.MediaDraft;
import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.catalog.domain.ProductDraft.VariantDraft;
import io.shopgraph.catalog.domain.ProductDraft;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.platform.kernel.DemoConfig;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * Gives the demo store (made by the store module's seeder, which observes the same StartupEvent
 * earlier) a catalogue that looks real: 50 products of every kind with variants, stock, images
 * and 7 collections. Runs once: a store that already has products is left alone. Everything goes
 * through the same use cases as the API.
 */
// Left out of native images (shopgraph.seed.excluded, application.properties); -Dshopgraph.seed.excluded=false keeps it.
@UnlessBuildProperty(name = "shopgraph.seed.excluded", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class CatalogDemoSeeder {

    /** After the store module's DemoStoreSeeder (default priority APPLICATION + 500). */
    static final int PRIORITY = Interceptor.Priority.APPLICATION + 600;

    private final boolean enabled;
    private final String storeHandle;
    private final StoreApi stores;
    private final TenantContext tenant;
    private final ProductRepository products;
    private final ProductCommands productCommands;
    private final CollectionCommands collectionCommands;

    CatalogDemoSeeder(DemoConfig config, StoreApi stores, TenantContext tenant, ProductRepository products, ProductCommands productCommands,
            CollectionCommands collectionCommands) {
        this.enabled = config.enabled();
        this.storeHandle = config.storeHandle();
        this.stores = stores;
        this.tenant = tenant;
        this.products = products;
        this.productCommands = productCommands;
        this.collectionCommands = collectionCommands;
    }

    @ActivateRequestContext
    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        if (!enabled) {
            return;
        }
        Optional<StoreId> store = stores.storeByHandle(storeHandle);
        if (store.isEmpty()) {
            Log.warnf("No store '%s' to seed a catalogue into", storeHandle);
            return;
        }
        int created = seed(store.get());
        if (created > 0) {
            Log.infof("Seeded %d demo products into store '%s'", created, storeHandle);
        }
    }

    /** Seeds the demo catalogue into the store unless it already has products; returns the products created. */
    public int seed(StoreId store) {
        tenant.enter(store);
        if (QuarkusTransaction.requiringNew().call(() -> products.count()) > 0) {
            return 0;
        }
        Map<String, List<UUID>> byCollection = new LinkedHashMap<>();
        List<ProductDraft> drafts = drafts();
        for (int i = 0; i < drafts.size(); i++) {
            ProductDraft draft = drafts.get(i);
            ProductView product = productCommands.create(draft);
            UUID id = product.uuid();
            byCollection.computeIfAbsent(collectionOf(draft.kind(), draft.tags()), k -> new ArrayList<>()).add(id);
            if (i % 4 == 0) {
                byCollection.computeIfAbsent("New Arrivals", k -> new ArrayList<>()).add(id);
            }
            if (i % 5 == 1) {
                byCollection.computeIfAbsent("Sale", k -> new ArrayList<>()).add(id);
            }
        }
        byCollection.forEach((title, ids) -> {
            String handle = ProductDrafts.handleFrom(title);
            CollectionView collection = collectionCommands.create(title, handle, "Our " + title.toLowerCase() + ".",
                    "https://picsum.photos/seed/" + handle + "/1200/600", title);
            collectionCommands.addProducts(collection.uuid(), ids);
        });
        return drafts.size();
    }

    private static String collectionOf(ProductKind kind, List<String> tags) {
        return switch (kind) {
            case DIGITAL -> "Digital Goods";
            case SERVICE -> "Workshops";
            case GIFT_CARD -> "Gift Cards";
            case PHYSICAL -> tags.contains("home") ? "Home & Kitchen" : "Apparel";
        };
    }

    // --- the catalogue --------------------------------------------------------------------------

    private static final String[] COLOURS = { "Black", "White", "Navy", "Olive", "Rust" };
    private static final String[] APPAREL = { "Organic Cotton T-Shirt", "Merino Crew Sweater", "Linen Shirt", "Denim Jacket",
            "Hooded Sweatshirt", "Chino Trousers", "Rain Parka", "Wool Beanie", "Canvas Sneakers", "Cotton Socks (3-pack)",
            "Fleece Vest", "Oxford Shirt", "Cargo Shorts", "Puffer Jacket", "Striped Breton Top", "Corduroy Cap" };
    private static final String[] HOME = { "Stoneware Mug", "Cast Iron Skillet", "Linen Tea Towel", "Ceramic Planter",
            "Walnut Cutting Board", "Glass Carafe", "Scented Soy Candle", "Wool Throw Blanket", "Enamel Teapot",
            "Bamboo Utensil Set", "Copper Kettle", "Marble Coaster Set", "French Press", "Olive Wood Bowl" };
    private static final String[] DIGITAL = { "Sourdough Baking E-book", "Home Barista Video Course", "Minimalist Wallpaper Pack",
            "Lo-fi Study Playlist (FLAC)", "Weekly Meal Planner Template", "Watercolour Brush Set for Procreate",
            "Budget Spreadsheet Kit", "Urban Sketching Guide" };
    private static final String[] SERVICES = { "Coffee Tasting Workshop", "Knife Sharpening Service", "Personal Styling Session",
            "Pottery Class for Beginners", "Garment Repair Service", "Bread Baking Masterclass", "Interior Design Consultation" };
    private static final String[] VENDORS = { "Northwind", "Atelier Lune", "Fjord & Field", "Maison Verte", "Kiln Studio" };

    static List<ProductDraft> drafts() {
        List<ProductDraft> drafts = new ArrayList<>();
        Instant published = Instant.parse("2026-01-01T00:00:00Z");
        int n = 0;
        for (String title : APPAREL) {
            List<String> colours = List.of(COLOURS[n % 5], COLOURS[(n + 2) % 5]);
            List<String> sizes = List.of("S", "M", "L", "XL");
            List<VariantDraft> variants = new ArrayList<>();
            long base = 1900 + (n * 700L) % 9000;
            for (String colour : colours) {
                for (String size : sizes) {
                    variants.add(new VariantDraft(sku("AP", n, colour + "-" + size), List.of(size, colour),
                            money(base + (size.equals("XL") ? 200 : 0)), n % 5 == 1 ? money(base + 1500) : null,
                            250 + 50 * n % 600, true, true, (n * 7 + size.length() * 3) % 25));
                }
            }
            drafts.add(draft(title, ProductKind.PHYSICAL, VENDORS[n % VENDORS.length], List.of("apparel", colours.get(0).toLowerCase()),
                    List.of(new OptionDraft("Size", sizes), new OptionDraft("Colour", colours)), variants, 3, published.plus(n, ChronoUnit.DAYS)));
            n++;
        }
        for (String title : HOME) {
            long base = 1200 + (n * 900L) % 12000;
            List<VariantDraft> variants = n % 3 == 0
                    ? List.of(new VariantDraft(sku("HO", n, "SM"), List.of("Small"), money(base), null, 400, true, true, 12),
                            new VariantDraft(sku("HO", n, "LG"), List.of("Large"), money(base + 1000), null, 800, true, true, 0))
                    : List.of(new VariantDraft(sku("HO", n, "STD"), List.of(), money(base), n % 5 == 1 ? money(base + 800) : null,
                            600, true, true, n % 4 == 0 ? 0 : 30));
            List<OptionDraft> options = n % 3 == 0 ? List.of(new OptionDraft("Size", List.of("Small", "Large"))) : List.of();
            drafts.add(draft(title, ProductKind.PHYSICAL, VENDORS[n % VENDORS.length], List.of("home", "kitchen"), options, variants, 2,
                    published.plus(n, ChronoUnit.DAYS)));
            n++;
        }
        for (String title : DIGITAL) {
            drafts.add(draft(title, ProductKind.DIGITAL, VENDORS[n % VENDORS.length], List.of("digital", "download"), List.of(),
                    List.of(new VariantDraft(sku("DG", n, "DL"), List.of(), money(500 + (n * 300L) % 3000), null, null, false, true, null)),
                    1, published.plus(n, ChronoUnit.DAYS)));
            n++;
        }
        for (String title : SERVICES) {
            List<String> slots = List.of("Weekday", "Weekend");
            drafts.add(draft(title, ProductKind.SERVICE, VENDORS[n % VENDORS.length], List.of("service", "workshop"),
                    List.of(new OptionDraft("Slot", slots)),
                    List.of(new VariantDraft(sku("SV", n, "WD"), List.of("Weekday"), money(4500), null, null, false, true, 8),
                            new VariantDraft(sku("SV", n, "WE"), List.of("Weekend"), money(5500), null, null, false, true, 4)),
                    1, published.plus(n, ChronoUnit.DAYS)));
            n++;
        }
        List<String> amounts = List.of("25", "50", "100", "200");
        for (String title : List.of("Gift Card", "Workshop Gift Card", "Digital Gift Card", "Holiday Gift Card", "Birthday Gift Card")) {
            List<VariantDraft> variants = new ArrayList<>();
            for (String amount : amounts) {
                variants.add(new VariantDraft(sku("GC", n, amount), List.of(amount + " EUR"), new BigDecimal(amount), null, null, false,
                        false, null));
            }
            drafts.add(draft(title, ProductKind.GIFT_CARD, "ShopGraph Demo", List.of("gift"),
                    List.of(new OptionDraft("Amount", amounts.stream().map(a -> a + " EUR").toList())), variants, 1,
                    published.plus(n, ChronoUnit.DAYS)));
            n++;
        }
        return drafts;
    }

    private static ProductDraft draft(String title, ProductKind kind, String vendor, List<String> tags, List<OptionDraft> options,
            List<VariantDraft> variants, int images, Instant publishedAt) {
        String handle = ProductDrafts.handleFrom(title);
        List<MediaDraft> media = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            media.add(new MediaDraft("https://picsum.photos/seed/" + handle + "-" + i + "/800/800", title + (i == 0 ? "" : " detail " + i),
                    800, 800, null));
        }
        String description = "The " + title + " by " + vendor + ". Made to last, chosen with care.\n\n"
                + "Free returns within 30 days.";
        return new ProductDraft(title, handle, description, ProductStatus.ACTIVE, publishedAt, kind, vendor, tags,
                title + " | ShopGraph Demo", "Buy the " + title + " from " + vendor + ".", options, variants, media);
    }

    private static String sku(String prefix, int n, String suffix) {
        return prefix + "-" + String.format("%03d", n) + "-" + suffix.toUpperCase().replace(' ', '-');
    }

    private static BigDecimal money(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
