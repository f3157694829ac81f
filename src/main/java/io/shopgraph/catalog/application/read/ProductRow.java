package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.instant;
import static io.shopgraph.catalog.application.read.Rows.list;
import static io.shopgraph.catalog.application.read.Rows.lng;
import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.ArrayList;
import java.util.List;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductOptionView;
import io.shopgraph.catalog.api.ProductPriceRange;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;

/**
 * A product row of the native reads: its select list ({@link #columns}, table alias {@code p}, joined to the
 * {@code fi} featured image), the position of each column in it, and its mapping to {@link ProductView}.
 */
public final class ProductRow {

    public static final int ID = 0;
    public static final int TITLE = 1;
    public static final int HANDLE = 2;
    public static final int DESCRIPTION = 3;
    public static final int DESCRIPTION_HTML = 4;
    public static final int VENDOR = 5;
    public static final int KIND = 6;
    public static final int TAGS = 7;
    public static final int STATUS = 8;
    public static final int PUBLISHED_AT = 9;
    public static final int CREATED_AT = 10;
    public static final int MIN_PRICE = 11;
    public static final int MAX_PRICE = 12;
    public static final int CURRENCY = 13;
    /** The featured image's five columns ({@link ImageRow}) start here; all null without one. */
    public static final int FEATURED_IMAGE = 14;
    public static final int OPTIONS = 19;
    public static final int AVAILABLE = 20;
    /** Pages select the sort value right after the product's columns ... */
    public static final int SORT_VALUE = 21;
    /** ... and a collection's pages then the collection's id. */
    public static final int COLLECTION_ID = 22;

    /** The columns after id, title, handle, description and description_html (see {@link CatalogLocale}). */
    private static final String OTHER_COLUMNS = "p.vendor, "
            + "p.kind, array_to_string(p.tags, chr(31)), p.status, p.published_at, p.created_at, p.min_price_minor, "
            + "p.max_price_minor, p.currency_code, fi.id as fi_id, fi.url, fi.alt, fi.width, fi.height, "
            + "(select string_agg(o.name || chr(30) || array_to_string(o.option_values, chr(31)), chr(29) order by o.position) "
            + "from catalog.product_option o where o.store_id = p.store_id and o.product_id = p.id) as options_packed, p.available";

    /** The join that selects the featured image ({@code fi}): the product's first media item. */
    public static final String FEATURED_IMAGE_JOIN = " left join lateral (select m.id, m.url, m.alt, m.width, m.height "
            + "from catalog.product_media m where m.store_id = p.store_id and m.product_id = p.id "
            + "order by m.position limit 1) fi on true";

    private ProductRow() {
    }

    /** The select list, texts in {@code locale} (null: the base texts). */
    public static String columns(String locale) {
        return CatalogLocale.productTexts(locale) + ", " + OTHER_COLUMNS;
    }

    /** The view of a row read with {@link #columns}({@code locale}); it remembers the locale for nested fields. */
    public static ProductView view(Object[] r, String locale) {
        String currency = str(r[CURRENCY]).strip();
        ImageView featured = r[FEATURED_IMAGE] == null ? null : ImageRow.view(r, FEATURED_IMAGE);
        return new ProductView(GlobalId.format(ProductView.TYPE, uuid(r[ID])), str(r[TITLE]), str(r[HANDLE]), str(r[DESCRIPTION]),
                str(r[DESCRIPTION_HTML]), str(r[VENDOR]), ProductKind.valueOf(str(r[KIND])), list(r[TAGS]),
                ProductStatus.valueOf(str(r[STATUS])), instant(r[PUBLISHED_AT]), instant(r[CREATED_AT]), featured,
                new ProductPriceRange(MoneyView.of(Money.of(lng(r[MIN_PRICE]), currency)),
                        MoneyView.of(Money.of(lng(r[MAX_PRICE]), currency))),
                options(str(r[OPTIONS])), (Boolean) r[AVAILABLE], locale);
    }

    /** Options packed as name RS values (US-separated), GS between options, in position order. */
    private static List<ProductOptionView> options(String packed) {
        if (packed == null || packed.isEmpty()) {
            return List.of();
        }
        List<ProductOptionView> options = new ArrayList<>();
        for (String option : packed.split("\u001d")) {
            String[] parts = option.split("\u001e", 2);
            options.add(new ProductOptionView(parts[0], list(parts.length > 1 ? parts[1] : "")));
        }
        return List.copyOf(options);
    }
}
