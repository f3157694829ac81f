package io.shopgraph.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.domain.ProductDraft.MediaDraft;
import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.catalog.domain.ProductDraft.VariantDraft;
import io.shopgraph.platform.errors.DomainException;

/**
 * The product rules ({@link ProductDrafts}, {@link CatalogRules}) as plain Java: every rule and every error code they
 * answer, without booting the application. The HTTP tests (CatalogMutationsTest, ProductImportTest, ...) cover the
 * wiring of the same rules into the mutations.
 */
class ProductRulesTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final List<String> AT = List.of("input");

    static VariantDraft variant(String sku, String price, String... options) {
        return new VariantDraft(sku, List.of(options), new BigDecimal(price), null, null, null, null, null);
    }

    static ProductDraft draft(List<OptionDraft> options, List<VariantDraft> variants, List<MediaDraft> media) {
        return new ProductDraft("Linen Shirt", null, "Soft.\n\nWashed.", null, null, null, null, List.of("Summer", " summer ", ""),
                null, null, options, variants, media);
    }

    static ProductDraft simple(VariantDraft variant) {
        return draft(List.of(), List.of(variant), List.of());
    }

    static void refused(Executable rule, ProductErrorCode code, String... field) {
        assertThatThrownBy(rule::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).containsExactly(field);
        });
    }

    @Test
    void aValidDraftBecomesEntitiesWithDerivedFields() {
        PreparedProduct p = ProductDrafts.prepare(draft(List.of(new OptionDraft(" Size ", List.of("S", " M "))),
                List.of(variant(" SKU-1 ", "12.50", "S"), variant(null, "9.99", "M")),
                List.of(new MediaDraft(" https://img.example/a.png ", "front", 10, 10, 1))), "EUR", NOW, AT);

        assertThat(p.at()).isEqualTo(AT);
        assertThat(p.product().handle).isEqualTo("linen-shirt");
        assertThat(p.product().status).isEqualTo(ProductStatus.DRAFT);
        assertThat(p.product().publishedAt).isNull();
        assertThat(p.product().kind).isEqualTo(ProductKind.PHYSICAL);
        assertThat(p.product().tags).containsExactly("summer");
        assertThat(p.product().descriptionHtml).isEqualTo("<p>Soft.</p><p>Washed.</p>");
        assertThat(p.product().minPriceMinor).isEqualTo(999);
        assertThat(p.product().maxPriceMinor).isEqualTo(1250);
        assertThat(p.options()).singleElement().satisfies(o -> {
            assertThat(o.name).isEqualTo("Size");
            assertThat(o.values).containsExactly("S", "M");
        });
        assertThat(p.variants()).extracting(v -> v.sku).containsExactly("SKU-1", null);
        assertThat(p.variants()).extracting(v -> v.title).containsExactly("S", "M");
        assertThat(p.variants()).allSatisfy(v -> {
            assertThat(v.requiresShipping).isTrue();
            assertThat(v.taxable).isTrue();
            assertThat(v.currencyCode).isEqualTo("EUR");
        });
        assertThat(p.media()).singleElement().satisfies(m -> {
            assertThat(m.url).isEqualTo("https://img.example/a.png");
            assertThat(m.variantId).isEqualTo(p.variants().get(1).id);
        });
    }

    @Test
    void anActiveDraftIsPublishedNowAndADigitalOneShipsNothing() {
        ProductDraft d = new ProductDraft("E-book", "e-book", null, ProductStatus.ACTIVE, null, ProductKind.DIGITAL, " Acme ",
                null, null, null, null, List.of(variant(null, "5")), null);
        PreparedProduct p = ProductDrafts.prepare(d, "USD", NOW, AT);
        assertThat(p.product().publishedAt).isEqualTo(NOW);
        assertThat(p.product().vendor).isEqualTo("Acme");
        assertThat(p.variants().get(0).title).isEqualTo("Default");
        assertThat(p.variants().get(0).requiresShipping).isFalse();
    }

    @Test
    void titlesAndHandles() {
        refused(() -> ProductDrafts.title("  ", AT), ProductErrorCode.INVALID_TITLE, "input", "title");
        refused(() -> ProductDrafts.title("x".repeat(256), AT), ProductErrorCode.INVALID_TITLE, "input", "title");
        assertThat(ProductDrafts.title(" Shirt ", AT)).isEqualTo("Shirt");
        refused(() -> ProductDrafts.handle("Not A Handle", AT), ProductErrorCode.INVALID_HANDLE, "input", "handle");
        refused(() -> ProductDrafts.handle("trailing-", AT), ProductErrorCode.INVALID_HANDLE, "input", "handle");
        assertThat(ProductDrafts.handle(" ok-2 ", AT)).isEqualTo("ok-2");
        assertThat(ProductDrafts.handleFrom("Crème Brûlée & Co.")).isEqualTo("creme-brulee-co");
        assertThat(ProductDrafts.handleFrom("!!!")).matches("product-[0-9a-f]{8}");
        assertThat(ProductDrafts.handleFrom("a".repeat(300))).hasSize(200);
    }

    @Test
    void tagsAndDescriptions() {
        assertThat(ProductDrafts.tags(null, AT)).isEmpty();
        refused(() -> ProductDrafts.tags(List.of("x".repeat(256)), AT), ProductErrorCode.INVALID_VALUE, "input", "tags");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            many.add("t" + i);
        }
        refused(() -> ProductDrafts.tags(many, AT), ProductErrorCode.INVALID_VALUE, "input", "tags");
        assertThat(ProductDrafts.toHtml("a <b> & 'c'\nline")).isEqualTo("<p>a &lt;b&gt; &amp; &#39;c&#39;<br>line</p>");
        assertThat(ProductDrafts.toHtml("  ")).isEmpty();
    }

    @Test
    void optionsAreAtMostThreeWithDistinctNamesAndValues() {
        List<OptionDraft> four = List.of(new OptionDraft("a", List.of("1")), new OptionDraft("b", List.of("1")),
                new OptionDraft("c", List.of("1")), new OptionDraft("d", List.of("1")));
        refused(() -> ProductDrafts.prepare(draft(four, List.of(variant(null, "1", "1", "1", "1", "1")), List.of()), "EUR", NOW, AT),
                ProductErrorCode.TOO_MANY_OPTIONS, "input", "options");
        List<OptionDraft> sameName = List.of(new OptionDraft("Size", List.of("S")), new OptionDraft(" size", List.of("M")));
        refused(() -> ProductDrafts.prepare(draft(sameName, List.of(variant(null, "1", "S", "M")), List.of()), "EUR", NOW, AT),
                ProductErrorCode.INVALID_OPTION, "input", "options", "1", "name");
        List<OptionDraft> sameValue = List.of(new OptionDraft("Size", List.of("S", " S")));
        refused(() -> ProductDrafts.prepare(draft(sameValue, List.of(variant(null, "1", "S")), List.of()), "EUR", NOW, AT),
                ProductErrorCode.INVALID_OPTION, "input", "options", "0", "values");
    }

    @Test
    void variantsAreOneToAHundredWithOneKnownValuePerOptionAndDistinctCombinationsAndSkus() {
        refused(() -> ProductDrafts.prepare(draft(List.of(), List.of(), List.of()), "EUR", NOW, AT),
                ProductErrorCode.TOO_MANY_VARIANTS, "input", "variants");
        List<VariantDraft> tooMany = Collections.nCopies(ProductDrafts.MAX_VARIANTS + 1, variant(null, "1"));
        refused(() -> ProductDrafts.prepare(draft(List.of(), tooMany, List.of()), "EUR", NOW, AT),
                ProductErrorCode.TOO_MANY_VARIANTS, "input", "variants");
        List<OptionDraft> size = List.of(new OptionDraft("Size", List.of("S", "M")));
        refused(() -> ProductDrafts.prepare(draft(size, List.of(variant(null, "1", "XL")), List.of()), "EUR", NOW, AT),
                ProductErrorCode.UNKNOWN_OPTION_VALUE, "input", "variants", "0", "optionValues");
        refused(() -> ProductDrafts.prepare(draft(size, List.of(variant(null, "1")), List.of()), "EUR", NOW, AT),
                ProductErrorCode.UNKNOWN_OPTION_VALUE, "input", "variants", "0", "optionValues");
        refused(() -> ProductDrafts.prepare(draft(size, List.of(variant(null, "1", "S"), variant(null, "2", "S")), List.of()),
                "EUR", NOW, AT), ProductErrorCode.DUPLICATE_VARIANT, "input", "variants", "1");
        refused(() -> ProductDrafts.prepare(draft(size, List.of(variant("A", "1", "S"), variant(" A ", "2", "M")), List.of()),
                "EUR", NOW, AT), ProductErrorCode.SKU_TAKEN, "input", "variants", "1", "sku");
    }

    @Test
    void pricesWeightsAndQuantities() {
        refused(() -> ProductDrafts.prepare(simple(variant(null, "-1")), "EUR", NOW, AT),
                ProductErrorCode.INVALID_PRICE, "input", "variants", "0", "price");
        refused(() -> ProductDrafts.prepare(simple(variant(null, "1.5")), "JPY", NOW, AT),
                ProductErrorCode.INVALID_PRICE, "input", "variants", "0", "price");
        assertThat(ProductDrafts.prepare(simple(variant(null, "150")), "JPY", NOW, AT).variants().get(0).priceMinor).isEqualTo(150);
        VariantDraft below = new VariantDraft(null, List.of(), new BigDecimal("10"), new BigDecimal("9.99"), null, null, null, null);
        refused(() -> ProductDrafts.prepare(simple(below), "EUR", NOW, AT),
                ProductErrorCode.INVALID_PRICE, "input", "variants", "0", "compareAtPrice");
        VariantDraft heavy = new VariantDraft(null, List.of(), BigDecimal.ONE, null, -1, null, null, null);
        refused(() -> ProductDrafts.prepare(simple(heavy), "EUR", NOW, AT),
                ProductErrorCode.INVALID_VALUE, "input", "variants", "0", "weightGrams");
        VariantDraft stock = new VariantDraft(null, List.of(), BigDecimal.ONE, null, null, null, null, 1_000_000_001);
        refused(() -> ProductDrafts.prepare(simple(stock), "EUR", NOW, AT),
                ProductErrorCode.INVALID_VALUE, "input", "variants", "0", "inventoryQuantity");
        assertThat(CatalogRules.initialQuantity(1_000_000_000, AT)).isEqualTo(1_000_000_000);
        assertThat(CatalogRules.sku("  ")).isNull();
        assertThat(CatalogRules.variantTitle(List.of("S", "Red"))).isEqualTo("S / Red");
    }

    @Test
    void mediaAreHttpUrlsWithPositiveSizesOfAnExistingVariant() {
        refused(() -> ProductDrafts.prepare(draft(List.of(), List.of(variant(null, "1")),
                List.of(new MediaDraft("ftp://x", null, null, null, null))), "EUR", NOW, AT),
                ProductErrorCode.INVALID_MEDIA, "input", "media", "0", "url");
        refused(() -> ProductDrafts.prepare(draft(List.of(), List.of(variant(null, "1")),
                List.of(new MediaDraft("https://x", null, 0, 10, null))), "EUR", NOW, AT),
                ProductErrorCode.INVALID_MEDIA, "input", "media", "0");
        refused(() -> ProductDrafts.prepare(draft(List.of(), List.of(variant(null, "1")),
                List.of(new MediaDraft("https://x", null, null, null, 1))), "EUR", NOW, AT),
                ProductErrorCode.INVALID_MEDIA, "input", "media", "0", "variantIndex");
        List<MediaDraft> tooMany = Collections.nCopies(ProductDrafts.MAX_MEDIA + 1, new MediaDraft("https://x", null, null, null, null));
        refused(() -> ProductDrafts.prepare(draft(List.of(), List.of(variant(null, "1")), tooMany), "EUR", NOW, AT),
                ProductErrorCode.INVALID_MEDIA, "input", "media");
    }

    @Test
    void theDraftsOwnPathPrefixesEveryField() {
        List<String> row = List.of("products", "7");
        refused(() -> ProductDrafts.prepare(simple(variant(null, "-1")), "EUR", NOW, row),
                ProductErrorCode.INVALID_PRICE, "products", "7", "variants", "0", "price");
    }

    @Test
    void storedOptionsBecomeDraftsInPositionOrder() {
        ProductOption second = new ProductOption();
        second.name = "Colour";
        second.position = 1;
        second.values = new String[] {"Red"};
        ProductOption first = new ProductOption();
        first.name = "Size";
        first.position = 0;
        first.values = new String[] {"S", "M"};
        assertThat(CatalogRules.optionDrafts(List.of(second, first)))
                .containsExactly(new OptionDraft("Size", List.of("S", "M")), new OptionDraft("Colour", List.of("Red")));
    }

    @Test
    void aMissingProductIsNotFoundOnItsId() {
        refused(() -> {
            throw CatalogRules.productNotFound();
        }, ProductErrorCode.NOT_FOUND, "id");
    }

    @Test
    void metafields() {
        UUID product = UUID.randomUUID();
        List<ProductMetafield> rows = MetafieldRules.prepare(product,
                List.of(new MetafieldDraft(null, " care ", "Wash cold", null), new MetafieldDraft("erp", "id", "42", true)), AT, NOW);
        assertThat(rows).extracting(r -> r.namespace + "." + r.key + "=" + r.value + "/" + r.storefrontVisible)
                .containsExactly("custom.care=Wash cold/false", "erp.id=42/true");
        assertThat(rows).allSatisfy(r -> assertThat(r.productId).isEqualTo(product));
        refused(() -> MetafieldRules.prepare(product, List.of(new MetafieldDraft("bad ns", "k", "v", null)), AT, NOW),
                ProductErrorCode.INVALID_METAFIELD, "input", "0", "namespace");
        refused(() -> MetafieldRules.prepare(product, List.of(new MetafieldDraft(null, "", "v", null)), AT, NOW),
                ProductErrorCode.INVALID_METAFIELD, "input", "0", "key");
        refused(() -> MetafieldRules.prepare(product, List.of(new MetafieldDraft(null, "k", "", null)), AT, NOW),
                ProductErrorCode.INVALID_METAFIELD, "input", "0", "value");
        refused(() -> MetafieldRules.prepare(product, List.of(new MetafieldDraft(null, "k", "x".repeat(10_001), null)), AT, NOW),
                ProductErrorCode.INVALID_METAFIELD, "input", "0", "value");
        refused(() -> MetafieldRules.prepare(product, List.of(new MetafieldDraft(null, "k", "1", null),
                new MetafieldDraft("custom", "k", "2", null)), AT, NOW), ProductErrorCode.INVALID_METAFIELD, "input", "1", "key");
        List<MetafieldDraft> tooMany = Collections.nCopies(MetafieldRules.MAX_PER_PRODUCT + 1, new MetafieldDraft(null, "k", "v", null));
        refused(() -> MetafieldRules.prepare(product, tooMany, AT, NOW), ProductErrorCode.TOO_MANY_METAFIELDS, "input");
    }
}
