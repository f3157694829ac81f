package io.shopgraph.catalog.application.read;

import java.util.Map;
import java.util.regex.Pattern;

import io.shopgraph.catalog.domain.TranslationRules;
import io.shopgraph.platform.errors.ApiException;

/**
 * The locale a catalog read shows its texts in, and the SQL that does it. Reusable by every read of
 * products or collections (listing, nested fields, search):
 * <ol>
 * <li>{@link #parse} the {@code locale} argument (null when absent: the base texts, no extra SQL);</li>
 * <li>select {@link #productColumns} / {@link #collectionColumns} instead of the base column lists and
 * append {@link #productJoin} / {@link #collectionJoin} after the {@code from} table (aliases {@code p}
 * and {@code c}); they add the locale parameters to the statement's parameter map;</li>
 * <li>map rows with {@code ProductRow.view(row, locale)} / {@code CollectionRow.view(row, at, locale)} so the
 * views carry the locale down to their nested fields.</li>
 * </ol>
 * Each text falls back on its own: {@code fr-CA} → {@code fr} → the base text (written in the store's
 * default locale). The join is a left join on the translation table's primary key in the same
 * statement, so a localized read runs exactly as many statements as the base one.
 */
public final class CatalogLocale {

    /** BCP 47 subset accepted everywhere: a two-letter language, optionally a two-letter region. */
    public static final Pattern FORMAT = TranslationRules.FORMAT;

    private CatalogLocale() {
    }

    /**
     * The canonical form of a {@code locale} argument ({@code "fr"}, {@code "fr-CA"}); case and an
     * underscore separator are forgiven ({@code fr_ca}). Null or blank means the base texts.
     * BAD_REQUEST for anything else.
     */
    public static String parse(String argument) {
        if (argument == null || argument.isBlank()) {
            return null;
        }
        String canonical = canonical(argument);
        if (canonical == null) {
            throw ApiException.badRequest("'locale' must be a language code, optionally with a region, e.g. fr or fr-CA.");
        }
        return canonical;
    }

    /** The canonical form of {@code text}, or null when it is not a supported locale. */
    public static String canonical(String text) {
        return TranslationRules.canonical(text);
    }

    /** {@code fr} for {@code fr-CA}; null for a bare language. */
    static String language(String locale) {
        int dash = locale.indexOf('-');
        return dash < 0 ? null : locale.substring(0, dash);
    }

    /** The product's id, title, handle, description and description_html columns, in this order. */
    static String productTexts(String locale) {
        if (locale == null) {
            return "p.id, p.title, p.handle, p.description, p.description_html";
        }
        return "p.id, " + text("title", "pt", "p", locale) + ", p.handle, " + text("description", "pt", "p", locale) + ", "
                + text("description_html", "pt", "p", locale);
    }

    /** The collection's id, handle, title and description columns, in this order. */
    static String collectionTexts(String locale) {
        if (locale == null) {
            return "c.id, c.handle, c.title, c.description";
        }
        return "c.id, c.handle, " + text("title", "ct", "c", locale) + ", " + text("description", "ct", "c", locale);
    }

    /** The left joins that find the product's translations; empty for the base texts. */
    public static String productJoin(String locale, Map<String, Object> params) {
        return join("catalog.product_translation", "pt", "product_id", "p", locale, params);
    }

    /** The left joins that find the collection's translations; empty for the base texts. */
    public static String collectionJoin(String locale, Map<String, Object> params) {
        return join("catalog.collection_translation", "ct", "collection_id", "c", locale, params);
    }

    /** The select list of {@code ProductRow.view(row, locale)} (table alias {@code p}). */
    public static String productColumns(String locale) {
        return ProductRow.columns(locale);
    }

    /** The select list of {@code CollectionRow.view(row, 0, locale)} (table alias {@code c}). */
    public static String collectionColumns(String locale) {
        return CollectionRow.columns(locale);
    }

    private static String text(String column, String translation, String base, String locale) {
        return language(locale) == null
                ? "coalesce(" + translation + "1." + column + ", " + base + "." + column + ")"
                : "coalesce(" + translation + "1." + column + ", " + translation + "2." + column + ", " + base + "." + column + ")";
    }

    private static String join(String table, String alias, String key, String base, String locale, Map<String, Object> params) {
        if (locale == null) {
            return "";
        }
        String on = " on " + alias + "%1$s.store_id = " + base + ".store_id and " + alias + "%1$s." + key + " = " + base + ".id and "
                + alias + "%1$s.locale = :" + alias + "_locale%1$s";
        StringBuilder sql = new StringBuilder(" left join ").append(table).append(" ").append(alias).append("1")
                .append(on.formatted("1"));
        params.put(alias + "_locale1", locale);
        String language = language(locale);
        if (language != null) {
            sql.append(" left join ").append(table).append(" ").append(alias).append("2").append(on.formatted("2"));
            params.put(alias + "_locale2", language);
        }
        return sql.toString();
    }
}
