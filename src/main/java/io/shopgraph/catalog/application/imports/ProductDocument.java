package io.shopgraph.catalog.application.imports;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.application.imports.ProductImports.ImportError;
import io.shopgraph.catalog.domain.CatalogRules;
import io.shopgraph.catalog.domain.PreparedProduct;
import io.shopgraph.catalog.domain.ProductDraft.MediaDraft;
import io.shopgraph.catalog.domain.ProductDraft.OptionDraft;
import io.shopgraph.catalog.domain.ProductDraft.VariantDraft;
import io.shopgraph.catalog.domain.ProductDraft;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.JsonP;

/**
 * The productsImport document read without the database: its size and shape, each row as a {@link ProductDraft}
 * checked by {@link ProductDrafts} (every row's problems, not just the first), and the rows against each other
 * (handles and SKUs used twice). What only the store can tell is {@link ProductImports}' part.
 */
final class ProductDocument {

    public static final int MAX_PRODUCTS = 1_000;
    public static final int MAX_CHARACTERS = 1_500_000;

    private static final Set<String> PRODUCT_FIELDS = Set.of("title", "handle", "description", "status", "publishedAt", "kind",
            "vendor", "tags", "seoTitle", "seoDescription", "options", "variants", "media", "collections", "descriptionHtml");
    private static final Set<String> OPTION_FIELDS = Set.of("name", "values");
    private static final Set<String> VARIANT_FIELDS = Set.of("sku", "optionValues", "price", "compareAtPrice", "weightGrams",
            "requiresShipping", "taxable", "inventoryQuantity");
    private static final Set<String> MEDIA_FIELDS = Set.of("url", "alt", "width", "height", "variantIndex");

    /** A row that passed every check without the database: its index, its entities and its collection handles. */
    record Row(int index, PreparedProduct prepared, List<String> collections) {
    }

    private ProductDocument() {
    }

    /** The rows of the document's {@code products} that pass; the others' problems go to {@code errors}. */
    static List<Row> rows(JsonArray items, String currency, Instant now, List<ImportError> errors) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> at = List.of("products", String.valueOf(i));
            try {
                JsonObject item = object(items.get(i), at);
                ProductDraft draft = draft(item, at);
                List<String> collections = strings(item, "collections", at);
                rows.add(new Row(i, ProductDrafts.prepare(draft, currency, now, at), collections == null ? List.of() : collections));
            } catch (DomainException e) {
                errors.add(new ImportError(i, e.field(), (ProductErrorCode) e.code(), e.getMessage()));
            }
        }
        return rows;
    }

    static JsonArray parse(String document, List<ImportError> errors) {
        if (document.length() > MAX_CHARACTERS) {
            errors.add(new ImportError(null, List.of("document"), ProductErrorCode.IMPORT_TOO_LARGE,
                    "The document has more than " + MAX_CHARACTERS + " characters; split it."));
            return null;
        }
        JsonValue root;
        try (JsonReader reader = JsonP.createReader(new StringReader(document))) {
            root = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            errors.add(new ImportError(null, List.of("document"), ProductErrorCode.INVALID_DOCUMENT,
                    "The document is not valid JSON" + location(e) + "."));
            return null;
        }
        JsonValue products = root instanceof JsonObject object ? object.get("products") : null;
        if (!(products instanceof JsonArray array)) {
            errors.add(new ImportError(null, List.of("document"), ProductErrorCode.INVALID_DOCUMENT,
                    "The document must be a JSON object with a \"products\" array."));
            return null;
        }
        if (array.size() > MAX_PRODUCTS) {
            errors.add(new ImportError(null, List.of("products"), ProductErrorCode.IMPORT_TOO_LARGE,
                    "At most " + MAX_PRODUCTS + " products per import; this document has " + array.size() + "."));
            return null;
        }
        return array;
    }

    private static String location(Exception e) {
        if (e instanceof jakarta.json.stream.JsonParsingException parsing && parsing.getLocation() != null) {
            return " (line " + parsing.getLocation().getLineNumber() + ", column " + parsing.getLocation().getColumnNumber() + ")";
        }
        return "";
    }

    /** Two rows with the same handle or SKU: the later row is at fault (the first keeps it). */
    static void checkAgainstEachOther(List<Row> rows, List<ImportError> errors) {
        Map<String, Integer> handles = new HashMap<>();
        Map<String, Integer> skus = new HashMap<>();
        for (Row row : rows) {
            Integer first = handles.putIfAbsent(row.prepared().product().handle, row.index());
            if (first != null) {
                errors.add(new ImportError(row.index(), List.of("products", String.valueOf(row.index()), "handle"), ProductErrorCode.HANDLE_TAKEN,
                        "Product " + first + " of the document already has the handle '" + row.prepared().product().handle + "'."));
            }
            for (int v = 0; v < row.prepared().variants().size(); v++) {
                String sku = row.prepared().variants().get(v).sku;
                Integer owner = sku == null ? null : skus.putIfAbsent(sku, row.index());
                if (owner != null) {
                    errors.add(new ImportError(row.index(), List.of("products", String.valueOf(row.index()), "variants", String.valueOf(v), "sku"),
                            ProductErrorCode.SKU_TAKEN, "Product " + owner + " of the document already uses the SKU '" + sku + "'."));
                }
            }
        }
    }


    // --- JSON to draft: every type mistake is an INVALID_VALUE at its exact path ---------------------

    private static ProductDraft draft(JsonObject p, List<String> at) {
        unknownFields(p, PRODUCT_FIELDS, at);
        return new ProductDraft(string(p, "title", at), string(p, "handle", at), string(p, "description", at),
                enumValue(p, "status", ProductStatus::valueOf, at), instant(p, "publishedAt", at), enumValue(p, "kind", ProductKind::valueOf, at),
                string(p, "vendor", at), strings(p, "tags", at), string(p, "seoTitle", at), string(p, "seoDescription", at),
                objects(p, "options", at, (o, f) -> {
                    unknownFields(o, OPTION_FIELDS, f);
                    return new OptionDraft(string(o, "name", f), strings(o, "values", f));
                }),
                objects(p, "variants", at, (v, f) -> {
                    unknownFields(v, VARIANT_FIELDS, f);
                    return new VariantDraft(string(v, "sku", f), strings(v, "optionValues", f), decimal(v, "price", f),
                            decimal(v, "compareAtPrice", f), integer(v, "weightGrams", f), bool(v, "requiresShipping", f),
                            bool(v, "taxable", f), integer(v, "inventoryQuantity", f));
                }),
                objects(p, "media", at, (m, f) -> {
                    unknownFields(m, MEDIA_FIELDS, f);
                    return new MediaDraft(string(m, "url", f), string(m, "alt", f), integer(m, "width", f), integer(m, "height", f),
                            integer(m, "variantIndex", f));
                }), null, string(p, "descriptionHtml", at));
    }

    private static void unknownFields(JsonObject object, Set<String> known, List<String> at) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw invalid(CatalogRules.append(at, key), "Unknown field '" + key + "'.");
            }
        }
    }

    private static JsonObject object(JsonValue value, List<String> at) {
        if (!(value instanceof JsonObject object)) {
            throw invalid(at, "A product is a JSON object.");
        }
        return object;
    }

    private static JsonValue get(JsonObject o, String key) {
        JsonValue value = o.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static String string(JsonObject o, String key, List<String> at) {
        JsonValue value = get(o, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(CatalogRules.append(at, key), "'" + key + "' is a string.");
        }
        return s.getString();
    }

    private static List<String> strings(JsonObject o, String key, List<String> at) {
        JsonValue value = get(o, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(CatalogRules.append(at, key), "'" + key + "' is an array of strings.");
        }
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                result.add(null);
            } else if (item instanceof JsonString s) {
                result.add(s.getString());
            } else {
                throw invalid(CatalogRules.append(CatalogRules.append(at, key), String.valueOf(i)), "'" + key + "' is an array of strings.");
            }
        }
        return result;
    }

    private interface ObjectReader<T> {
        T read(JsonObject object, List<String> at);
    }

    private static <T> List<T> objects(JsonObject o, String key, List<String> at, ObjectReader<T> reader) {
        JsonValue value = get(o, key);
        if (value == null) {
            return null;
        }
        List<String> field = CatalogRules.append(at, key);
        if (!(value instanceof JsonArray array)) {
            throw invalid(field, "'" + key + "' is an array of objects.");
        }
        List<T> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            List<String> itemField = CatalogRules.append(field, String.valueOf(i));
            if (!(array.get(i) instanceof JsonObject item)) {
                throw invalid(itemField, "'" + key + "' is an array of objects.");
            }
            result.add(reader.read(item, itemField));
        }
        return result;
    }

    /** A money amount: a JSON number or a decimal string ("12.50"). */
    private static BigDecimal decimal(JsonObject o, String key, List<String> at) {
        JsonValue value = get(o, key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(ProductErrorCode.INVALID_PRICE, CatalogRules.append(at, key), "'" + key + "' is a decimal amount such as \"12.50\".");
    }

    private static Integer integer(JsonObject o, String key, List<String> at) {
        JsonValue value = get(o, key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw invalid(CatalogRules.append(at, key), "'" + key + "' is a whole number.");
    }

    private static Boolean bool(JsonObject o, String key, List<String> at) {
        JsonValue value = get(o, key);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw invalid(CatalogRules.append(at, key), "'" + key + "' is true or false.");
    }

    private static Instant instant(JsonObject o, String key, List<String> at) {
        String text = string(o, key, at);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(CatalogRules.append(at, key), "'" + key + "' is an ISO-8601 instant such as 2026-01-01T00:00:00Z.");
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonObject o, String key, Function<String, E> valueOf, List<String> at) {
        String text = string(o, key, at);
        if (text == null) {
            return null;
        }
        try {
            return valueOf.apply(text);
        } catch (IllegalArgumentException e) {
            throw invalid(CatalogRules.append(at, key), "Unknown " + key + " '" + text + "'.");
        }
    }

    private static DomainException invalid(List<String> field, String message) {
        return error(ProductErrorCode.INVALID_VALUE, field, message);
    }

    private static DomainException error(ProductErrorCode code, List<String> field, String message) {
        return new DomainException(code, field, message);
    }
}
