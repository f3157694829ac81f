package io.shopgraph.catalog.application.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopgraph.catalog.application.imports.ProductDocument.Row;
import io.shopgraph.catalog.application.imports.ProductImports.ImportError;
import io.shopgraph.catalog.domain.ProductErrorCode;

/** The productsImport document's rules without the database (ProductImportTest covers the mutation end to end). */
class ProductDocumentTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    static List<Row> read(String document, List<ImportError> errors) {
        var items = ProductDocument.parse(document, errors);
        if (items == null) {
            return List.of();
        }
        List<Row> rows = ProductDocument.rows(items, "EUR", NOW, errors);
        ProductDocument.checkAgainstEachOther(rows, errors);
        return rows;
    }

    @Test
    void aValidDocumentGivesOneRowPerProductWithItsCollections() {
        List<ImportError> errors = new ArrayList<>();
        List<Row> rows = read("""
                {"products": [
                  {"title": "Shirt", "variants": [{"sku": "S-1", "price": "12.50", "inventoryQuantity": 3}], "collections": ["summer"]},
                  {"title": "Hat", "handle": "hat", "status": "ACTIVE", "tags": ["a"], "variants": [{"price": "5"}]}
                ]}""", errors);
        assertThat(errors).isEmpty();
        assertThat(rows).extracting(Row::index).containsExactly(0, 1);
        assertThat(rows.get(0).collections()).containsExactly("summer");
        assertThat(rows.get(0).prepared().product().handle).isEqualTo("shirt");
        assertThat(rows.get(0).prepared().variants().get(0).priceMinor).isEqualTo(1250);
        assertThat(rows.get(0).prepared().initialQuantities()).containsExactly(3);
        assertThat(rows.get(1).prepared().product().publishedAt).isEqualTo(NOW);
    }

    @Test
    void theDocumentItselfIsJsonWithAProductsArrayOfBoundedSize() {
        assertThat(codes("not json")).containsExactly(ProductErrorCode.INVALID_DOCUMENT);
        assertThat(codes("[1, 2]")).containsExactly(ProductErrorCode.INVALID_DOCUMENT);
        assertThat(codes("{\"items\": []}")).containsExactly(ProductErrorCode.INVALID_DOCUMENT);
        assertThat(codes(" ".repeat(ProductDocument.MAX_CHARACTERS + 1))).containsExactly(ProductErrorCode.IMPORT_TOO_LARGE);
        StringBuilder many = new StringBuilder("{\"products\": [");
        for (int i = 0; i <= ProductDocument.MAX_PRODUCTS; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        assertThat(codes(many.append("]}").toString())).containsExactly(ProductErrorCode.IMPORT_TOO_LARGE);
    }

    @Test
    void everyBadRowIsReportedWithItsIndexAndField() {
        List<ImportError> errors = new ArrayList<>();
        List<Row> rows = read("""
                {"products": [
                  "not an object",
                  {"title": "A", "colour": "red", "variants": [{"price": "1"}]},
                  {"title": "B", "variants": [{"price": "1.234"}]},
                  {"title": "C", "variants": [{"price": 1, "weightGrams": "heavy"}]},
                  {"title": "D", "status": "SOMETIMES", "variants": [{"price": "1"}]},
                  {"title": "", "variants": [{"price": "1"}]},
                  {"title": "Fine", "variants": [{"price": "1"}]}
                ]}""", errors);
        assertThat(rows).extracting(Row::index).containsExactly(6);
        assertThat(errors).extracting(ImportError::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(errors).extracting(ImportError::code).containsExactly(ProductErrorCode.INVALID_VALUE, ProductErrorCode.INVALID_VALUE,
                ProductErrorCode.INVALID_PRICE, ProductErrorCode.INVALID_VALUE, ProductErrorCode.INVALID_VALUE,
                ProductErrorCode.INVALID_TITLE);
        assertThat(errors.get(1).field()).containsExactly("products", "1", "colour");
        assertThat(errors.get(2).field()).containsExactly("products", "2", "variants", "0", "price");
        assertThat(errors.get(5).field()).containsExactly("products", "5", "title");
    }

    @Test
    void rowsMayNotShareAHandleOrASku() {
        List<ImportError> errors = new ArrayList<>();
        read("""
                {"products": [
                  {"title": "Shirt", "variants": [{"sku": "X", "price": "1"}]},
                  {"title": "Shirt", "variants": [{"sku": "Y", "price": "1"}]},
                  {"title": "Other", "variants": [{"sku": "X", "price": "1"}]}
                ]}""", errors);
        assertThat(errors).extracting(ImportError::index, ImportError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ProductErrorCode.HANDLE_TAKEN),
                org.assertj.core.groups.Tuple.tuple(2, ProductErrorCode.SKU_TAKEN));
        assertThat(errors.get(0).field()).containsExactly("products", "1", "handle");
        assertThat(errors.get(1).field()).containsExactly("products", "2", "variants", "0", "sku");
    }

    private static List<ProductErrorCode> codes(String document) {
        List<ImportError> errors = new ArrayList<>();
        read(document, errors);
        return errors.stream().map(ImportError::code).toList();
    }
}
