package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.bool;
import static io.shopgraph.catalog.application.read.Rows.integer;
import static io.shopgraph.catalog.application.read.Rows.list;
import static io.shopgraph.catalog.application.read.Rows.lng;
import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.ArrayList;
import java.util.List;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;

/**
 * A variant row of the native reads: its select list ({@link #COLUMNS}, alias {@code v}, joined to its image
 * {@code vi} by {@link #IMAGE_JOIN}), the position of each column, and its mapping to {@link ProductVariantView}.
 */
public final class VariantRow {

    public static final int ID = 0;
    public static final int PRODUCT_ID = 1;
    public static final int SKU = 2;
    public static final int TITLE = 3;
    public static final int OPTION_VALUES = 4;
    public static final int PRICE = 5;
    public static final int COMPARE_AT_PRICE = 6;
    public static final int CURRENCY = 7;
    public static final int WEIGHT = 8;
    public static final int REQUIRES_SHIPPING = 9;
    public static final int TAXABLE = 10;
    /** The variant's image's five columns ({@link ImageRow}) start here; all null without one. */
    public static final int IMAGE = 11;
    public static final int OPTION_NAMES = 16;
    /** Variant pages select the position right after the variant's columns (the cursor's first key). */
    public static final int POSITION = 17;

    public static final String COLUMNS = "v.id, v.product_id, v.sku, v.title, array_to_string(v.option_values, chr(31)), "
            + "v.price_minor, v.compare_at_minor, v.currency_code, v.weight_grams, v.requires_shipping, v.taxable, "
            + "vi.id as vi_id, vi.url, vi.alt, vi.width, vi.height, "
            + "(select string_agg(o.name, chr(31) order by o.position) from catalog.product_option o "
            + "  where o.store_id = v.store_id and o.product_id = v.product_id) as option_names";

    /** The join that selects the variant's image ({@code vi}): its first media item. */
    public static final String IMAGE_JOIN = "left join lateral (select m.id, m.url, m.alt, m.width, m.height "
            + "  from catalog.product_media m where m.store_id = v.store_id and m.variant_id = v.id "
            + "  order by m.position limit 1) vi on true ";

    private VariantRow() {
    }

    public static ProductVariantView view(Object[] r) {
        String currency = str(r[CURRENCY]).strip();
        List<String> values = list(r[OPTION_VALUES]);
        List<String> names = list(r[OPTION_NAMES]);
        List<SelectedOption> selected = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), names.size()); i++) {
            selected.add(new SelectedOption(names.get(i), values.get(i)));
        }
        Long compareAt = lng(r[COMPARE_AT_PRICE]);
        return new ProductVariantView(GlobalId.format(ProductVariantView.TYPE, uuid(r[ID])), str(r[SKU]), str(r[TITLE]),
                MoneyView.of(Money.of(lng(r[PRICE]), currency)),
                compareAt == null ? null : MoneyView.of(Money.of(compareAt, currency)), selected,
                r[IMAGE] == null ? null : ImageRow.view(r, IMAGE), integer(r[WEIGHT]), bool(r[REQUIRES_SHIPPING]), bool(r[TAXABLE]),
                uuid(r[PRODUCT_ID]));
    }
}
