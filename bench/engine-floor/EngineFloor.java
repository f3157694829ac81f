import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * The engine's floor for bench's listing document (queries/listing.graphql): graphql-java alone, as the service ships it,
 * executing the same selection (24 products, 10 variants each, about 1,900 fields) over data already in memory. No HTTP,
 * no JSON, no database, no SmallRye, no instrumentation; the document is parsed and validated once. Mode "plain" reads
 * every field as a property; mode "batched" resolves the fields the service resolves through data loaders the same way
 * (a product's variants, a variant's quantityAvailable and availableForSale: @Source List fields of other modules).
 * Prints the CPU milliseconds per execution of the executing thread and of the whole process, every 5 seconds.
 * Usage: EngineFloor <seconds> <plain|batched>
 */
public class EngineFloor {

    static final String SDL = """
            type Query { products(first: Int, sortKey: String): ProductConnection }
            type ProductConnection { edges: [ProductEdge!]! pageInfo: PageInfo! }
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            type ProductEdge { cursor: String! node: Product! }
            type Product { id: ID! title: String! handle: String! featuredImage: Image priceRange: PriceRange!
              variants(first: Int): VariantConnection! }
            type Image { url: String! altText: String }
            type PriceRange { minVariantPrice: Money! maxVariantPrice: Money! }
            type Money { amount: String! currencyCode: String! }
            type VariantConnection { nodes: [Variant!]! }
            type Variant { id: ID! sku: String title: String price: Money! quantityAvailable: Int availableForSale: Boolean! }
            """;
    // bench/queries/listing.graphql's selection (the sort key as a string: this schema has no enum for it).
    static final String QUERY = """
            query Listing { products(first: 24, sortKey: "TITLE") { edges { cursor node { id title handle featuredImage { url altText }
              priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
              variants(first: 10) { nodes { id sku price { amount currencyCode } quantityAvailable availableForSale } } } }
              pageInfo { hasNextPage endCursor } } }
            """;

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        boolean batched = args.length > 1 && args[1].equals("batched");
        Map<String, Object> products = listing();
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("products", env -> products));
        if (batched) {
            wiring.type("Product", t -> t.dataFetcher("variants", env -> env.getDataLoader("variants").load(env.getSource())));
            wiring.type("Variant", t -> t.dataFetcher("quantityAvailable", env -> env.getDataLoader("quantityAvailable").load(env.getSource()))
                    .dataFetcher("availableForSale", env -> env.getDataLoader("availableForSale").load(env.getSource())));
        }
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring.build());
        Map<String, PreparsedDocumentEntry> documents = new HashMap<>();
        PreparsedDocumentProvider parseOnce = (input, parse) -> CompletableFuture.completedFuture(
                documents.computeIfAbsent(input.getQuery(), q -> parse.apply(input)));
        GraphQL graphQL = GraphQL.newGraphQL(schema).preparsedDocumentProvider(parseOnce).build();

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int round = 1; System.nanoTime() < end; round++) {
            long thread0 = threads.getCurrentThreadCpuTime();
            long process0 = process.getProcessCpuTime();
            long executions = 0;
            long roundEnd = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < roundEnd) {
                ExecutionInput.Builder input = ExecutionInput.newExecutionInput(QUERY);
                if (batched) {
                    input.dataLoaderRegistry(loaders());
                }
                ExecutionResult result = graphQL.execute(input.build());
                if (result.getData() == null || !result.getErrors().isEmpty()) {
                    throw new IllegalStateException("The execution failed: " + result.getErrors());
                }
                executions++;
            }
            System.out.printf("engine floor (%s) round %d: executions=%d thread_cpu_ms=%.3f process_cpu_ms=%.3f%n", batched ? "batched" : "plain",
                    round, executions, (threads.getCurrentThreadCpuTime() - thread0) / 1e6 / executions,
                    (process.getProcessCpuTime() - process0) / 1e6 / executions);
        }
    }

    /** Per execution, as the service makes them per request: one data loader per batch field, answering from the source object. */
    private static DataLoaderRegistry loaders() {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        for (String field : List.of("variants", "quantityAvailable", "availableForSale")) {
            registry.register(field, DataLoaderFactory.newDataLoader((List<Object> keys) -> CompletableFuture.completedFuture(
                    keys.stream().map(key -> ((Map<?, ?>) key).get(field)).map(Object.class::cast).toList())));
        }
        return registry;
    }

    private static Map<String, Object> listing() {
        List<Object> edges = new ArrayList<>();
        for (int p = 0; p < 24; p++) {
            List<Object> variants = new ArrayList<>();
            for (int v = 0; v < 10; v++) {
                variants.add(Map.of("id", "gid://shopgraph/ProductVariant/" + p + "-" + v, "sku", "SKU-" + p + "-" + v, "title", "V" + v,
                        "price", Map.of("amount", "12.50", "currencyCode", "EUR"), "quantityAvailable", 5, "availableForSale", true));
            }
            Map<String, Object> product = new HashMap<>();
            product.put("id", "gid://shopgraph/Product/" + p);
            product.put("title", "Product " + p);
            product.put("handle", "product-" + p);
            product.put("featuredImage", Map.of("url", "https://cdn.example/p" + p + ".jpg", "altText", "alt"));
            product.put("priceRange", Map.of("minVariantPrice", Map.of("amount", "12.50", "currencyCode", "EUR"),
                    "maxVariantPrice", Map.of("amount", "19.00", "currencyCode", "EUR")));
            product.put("variants", Map.of("nodes", variants));
            edges.add(Map.of("cursor", "c" + p, "node", product));
        }
        return Map.of("edges", edges, "pageInfo", Map.of("hasNextPage", true, "endCursor", "c23"));
    }
}
