package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.imports.ProductImports.ImportResult;
import io.shopgraph.catalog.application.imports.ProductImports;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

@GraphQLApi
public class ProductImportMutations {

    private final ProductImports imports;

    ProductImportMutations(ProductImports imports) {
        this.imports = imports;
    }

    @Mutation("productsImport")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: creates many products from one JSON document {\"products\": [...]} (the format is in docs/catalog.md; "
            + "at most 1,000 products and 1,500,000 characters; pass it as a variable). All or nothing: every row is checked "
            + "as productCreate checks its input and against the other rows; when any row is bad, every bad row is reported by "
            + "index and nothing is written. Needs write_products.")
    public ProductsImportPayload productsImport(
            @NonNull @Name("document") @Description("The JSON document.") String document) {
        return MutationSupport.run(() -> {
            ImportResult result = imports.importDocument(document);
            return new ProductsImportPayload(result.products().size(), result.products(),
                    result.errors().stream().map(e -> new ProductImportUserError(e.index(), e.field(), e.code(), e.message())).toList());
        }, errors -> new ProductsImportPayload(0, List.of(), errors.stream()
                .map(e -> new ProductImportUserError(null, e.field(), (ProductErrorCode) e.code(), e.message())).toList()));
    }

    @Name("ProductsImportPayload")
    @Description("The result of productsImport: everything imported, or nothing and the reasons.")
    public record ProductsImportPayload(
            @NonNull @Description("How many products were created: all of the document's, or 0.") Integer importedCount,
            @NonNull @Description("The created products in document order; empty when the import failed.") List<@NonNull ProductView> products,
            @NonNull @Description("What went wrong, every bad row with its index; empty on success.") List<@NonNull ProductImportUserError> userErrors) {
    }

    @Type("ProductImportUserError")
    @Description("Why productsImport refused a row or the document.")
    public record ProductImportUserError(
            @Description("The row's index in `products`; null when the document itself is at fault.") Integer index,
            @NonNull @Description("The path to the value at fault, e.g. [\"products\", \"7\", \"variants\", \"0\", \"sku\"].") List<@NonNull String> field,
            @NonNull @Description("What went wrong, as a stable code.") ProductErrorCode code,
            @NonNull @Description("What went wrong, for people.") String message) {
    }
}
