package io.shopgraph.inventory.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.inventory.api.InventoryAdjustmentReason;
import io.shopgraph.inventory.api.InventoryPolicy;
import io.shopgraph.inventory.application.InventoryErrorCode;
import io.shopgraph.inventory.application.InventoryService;
import io.shopgraph.inventory.application.QuantityAdjustment;
import io.shopgraph.inventory.application.QuantityChange;
import io.shopgraph.inventory.application.StockLevelView;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantGrant;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

@GraphQLApi
public class InventoryMutations {

    private final InventoryService inventory;
    private final StoreAccess access;

    InventoryMutations(InventoryService inventory, StoreAccess access) {
        this.inventory = inventory;
        this.access = access;
    }

    @Mutation("inventorySetQuantities")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: sets quantities on hand by compare-and-set. Each line states the quantity it expects to "
            + "replace; if any line is stale or unknown, nothing changes. Setting a quantity starts tracking the variant. "
            + "Needs write_products.")
    public InventorySetQuantitiesPayload inventorySetQuantities(
            @NonNull @Name("input") @Description("The quantities to set.") InventorySetQuantitiesInput input) {
        return MutationSupport.run(() -> {
            List<QuantityChange> changes = new ArrayList<>();
            for (int i = 0; i < input.quantities().size(); i++) {
                InventoryQuantityInput q = input.quantities().get(i);
                int index = i;
                var variant = GlobalId.parse(q.variantId(), ProductVariantView.TYPE).orElseThrow(() -> new DomainException(
                        InventoryErrorCode.NOT_FOUND, List.of("input", "quantities", String.valueOf(index), "variantId"),
                        "No variant has this id."));
                changes.add(new QuantityChange(variant, q.quantity(), q.compareQuantity(), q.policy()));
            }
            return new InventorySetQuantitiesPayload(inventory.setQuantities(changes), List.of());
        }, errors -> new InventorySetQuantitiesPayload(null, InventoryUserError.from(errors)));
    }

    @Mutation("inventoryAdjustQuantities")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: changes quantities on hand by deltas (+12 received, -1 damaged), recording each change with its "
            + "reason and author. Concurrent adjustments add up, unlike inventorySetQuantities, which replaces a quantity the "
            + "caller read. All or nothing; a result below 0 is refused. Adjusting starts tracking the variant. Needs "
            + "write_products.")
    public InventoryAdjustQuantitiesPayload inventoryAdjustQuantities(
            @NonNull @Name("input") @Description("The changes and why they are made.") InventoryAdjustQuantitiesInput input) {
        return MutationSupport.run(() -> {
            List<QuantityAdjustment> changes = new ArrayList<>();
            for (int i = 0; i < input.changes().size(); i++) {
                InventoryChangeInput c = input.changes().get(i);
                int index = i;
                var variant = GlobalId.parse(c.variantId(), ProductVariantView.TYPE).orElseThrow(() -> new DomainException(
                        InventoryErrorCode.NOT_FOUND, List.of("input", "changes", String.valueOf(index), "variantId"),
                        "No variant has this id."));
                changes.add(new QuantityAdjustment(variant, c.delta()));
            }
            String actor = access.merchant().map(MerchantGrant::actor).orElseThrow();
            return new InventoryAdjustQuantitiesPayload(inventory.adjustQuantities(changes, input.reason(), input.note(), actor),
                    List.of());
        }, errors -> new InventoryAdjustQuantitiesPayload(null, InventoryUserError.from(errors)));
    }

    @Input("InventoryAdjustQuantitiesInput")
    @Description("Relative changes of stock on hand, all or nothing, with the reason they share.")
    public record InventoryAdjustQuantitiesInput(
            @NonNull @Description("Why the stock changes; recorded with each line.") InventoryAdjustmentReason reason,
            @Description("A free note recorded with the change (e.g. a delivery reference), at most 500 characters.") String note,
            @NonNull @Description("1 to 250 lines, one per variant.") List<@NonNull InventoryChangeInput> changes) {
    }

    @Input("InventoryChangeInput")
    @Description("A change of one variant's quantity on hand.")
    public record InventoryChangeInput(
            @NonNull @Id @Description("The variant's global id.") String variantId,
            @NonNull @Description("Units to add (positive) or remove (negative); not zero.") int delta) {
    }

    @Name("InventoryAdjustQuantitiesPayload")
    @Description("The result of inventoryAdjustQuantities.")
    public record InventoryAdjustQuantitiesPayload(
            @Description("The stock levels after the change; null when the mutation failed.") List<@NonNull StockLevelView> stockLevels,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull InventoryUserError> userErrors) {
    }

    @Input("InventorySetQuantitiesInput")
    @Description("Quantities to set, all or nothing.")
    public record InventorySetQuantitiesInput(
            @NonNull @Description("1 to 250 lines, one per variant.") List<@NonNull InventoryQuantityInput> quantities) {
    }

    @Input("InventoryQuantityInput")
    @Description("The new quantity on hand of one variant.")
    public record InventoryQuantityInput(
            @NonNull @Id @Description("The variant's global id.") String variantId,
            @NonNull @Description("The new quantity on hand.") int quantity,
            @NonNull @Description("The quantity the caller read and expects to replace; a different current quantity refuses the change.") int compareQuantity,
            @Description("The policy when it runs out; unchanged when left out.") InventoryPolicy policy) {
    }

    @Name("InventorySetQuantitiesPayload")
    @Description("The result of inventorySetQuantities.")
    public record InventorySetQuantitiesPayload(
            @Description("The stock levels after the change; null when the mutation failed.") List<@NonNull StockLevelView> stockLevels,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull InventoryUserError> userErrors) {
    }
}
