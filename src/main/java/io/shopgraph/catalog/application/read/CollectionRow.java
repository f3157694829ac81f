package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.UUID;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.platform.kernel.GlobalId;

/** A collection's columns ({@link #columns}, alias {@code c}) at some offset of a row, mapped to {@link CollectionView}. */
public final class CollectionRow {

    public static final int ID = 0;
    public static final int HANDLE = 1;
    public static final int TITLE = 2;
    public static final int DESCRIPTION = 3;
    public static final int IMAGE_URL = 4;
    public static final int IMAGE_ALT = 5;

    private CollectionRow() {
    }

    /** The select list, texts in {@code locale} (null: the base texts). */
    public static String columns(String locale) {
        return CatalogLocale.collectionTexts(locale) + ", c.image_url, c.image_alt";
    }

    /** The collection whose columns start at {@code at}. */
    public static CollectionView view(Object[] r, int at, String locale) {
        UUID id = uuid(r[at + ID]);
        String imageUrl = str(r[at + IMAGE_URL]);
        ImageView image = imageUrl == null ? null
                : new ImageView(GlobalId.format("CollectionImage", id), imageUrl, str(r[at + IMAGE_ALT]), null, null);
        return new CollectionView(GlobalId.format(CollectionView.TYPE, id), str(r[at + HANDLE]), str(r[at + TITLE]),
                str(r[at + DESCRIPTION]), image, locale);
    }
}
