package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.integer;
import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.platform.kernel.GlobalId;

/** A media item's five columns (id, url, alt, width, height) at some offset of a row, mapped to {@link ImageView}. */
public final class ImageRow {

    public static final int ID = 0;
    public static final int URL = 1;
    public static final int ALT = 2;
    public static final int WIDTH = 3;
    public static final int HEIGHT = 4;
    /** After the five columns, {@code images} selects the product's id. */
    public static final int PRODUCT_ID = 5;

    private ImageRow() {
    }

    /** The image whose columns start at {@code at}. */
    public static ImageView view(Object[] r, int at) {
        return new ImageView(GlobalId.format(ImageView.TYPE, uuid(r[at + ID])), str(r[at + URL]), str(r[at + ALT]),
                integer(r[at + WIDTH]), integer(r[at + HEIGHT]));
    }
}
