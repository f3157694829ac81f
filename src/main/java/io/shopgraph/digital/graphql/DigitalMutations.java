package io.shopgraph.digital.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.digital.api.DigitalViews;
import io.shopgraph.digital.api.DigitalViews.DigitalDownloadView;
import io.shopgraph.digital.api.DigitalViews.DigitalFileView;
import io.shopgraph.digital.api.DigitalViews.LicenseKeyPoolView;
import io.shopgraph.digital.application.DigitalCommands;
import io.shopgraph.digital.application.DigitalCommands.KeysAdded;
import io.shopgraph.digital.application.DigitalCommands.StagedUpload;
import io.shopgraph.digital.application.DigitalReads;
import io.shopgraph.digital.application.DownloadLinks;
import io.shopgraph.digital.domain.DigitalErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** The merchant's digital-goods mutations: files and keys (write_products), an order's downloads (write_orders). */
@GraphQLApi
public class DigitalMutations {

    private final DigitalCommands commands;
    private final DigitalReads reads;
    private final DownloadLinks links;
    private final StoreAccess access;

    DigitalMutations(DigitalCommands commands, DigitalReads reads, DownloadLinks links, StoreAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.links = links;
        this.access = access;
    }

    @Type("DigitalFileUpload")
    @Description("Where to send a staged file's bytes: one PUT of the whole file, exactly byteSize bytes, before expiresAt.")
    public record DigitalFileUploadView(
            @NonNull @Description("The upload URL (it carries a one-time secret: do not log or share it).") String url,
            @NonNull @Description("The HTTP method: PUT.") String method,
            @NonNull @Description("When the URL stops working.") Instant expiresAt) {
    }

    @Type("DigitalFileUploadCreatePayload")
    @Description("The result of digitalFileUploadCreate.")
    public record DigitalFileUploadCreatePayload(
            @Description("The staged file (PENDING until its bytes arrive).") DigitalFileView file,
            @Description("Where to send the bytes.") DigitalFileUploadView upload,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull DigitalUserError> userErrors) {
    }

    @Type("DigitalFileDeletePayload")
    @Description("The result of digitalFileDelete.")
    public record DigitalFileDeletePayload(
            @Id @Description("The deleted file's global id.") String deletedFileId,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull DigitalUserError> userErrors) {
    }

    @Type("LicenseKeysAddPayload")
    @Description("The result of licenseKeysAdd.")
    public record LicenseKeysAddPayload(
            @Description("Keys new to the pool.") Integer added,
            @Description("Keys the pool already had (or given twice), not added again.") Integer duplicates,
            @Description("Keys handed at once to paid order lines that were waiting for keys.") Integer handedOut,
            @Description("The variant's pool now.") LicenseKeyPoolView pool,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull DigitalUserError> userErrors) {
    }

    @Type("OrderDownloadPayload")
    @Description("The result of a mutation of an order's download.")
    public record OrderDownloadPayload(
            @Description("The download as it now is.") DigitalDownloadView download,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull DigitalUserError> userErrors) {
    }

    @Mutation("digitalFileUploadCreate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: stages a file for a DIGITAL variant and answers a short-lived upload URL; once its bytes are PUT there, "
            + "the file is attached and paid orders get a link for it. Needs write_products.")
    public DigitalFileUploadCreatePayload digitalFileUploadCreate(
            @NonNull @Id @Name("variantId") @Description("The variant's global id.") String variantId,
            @NonNull @Name("fileName") @Description("The name the shopper sees (1 to 255 characters, no path).") String fileName,
            @NonNull @Name("contentType") @Description("The file's content type (one the service accepts, e.g. application/pdf).") String contentType,
            @NonNull @Name("byteSize") @Description("The file's exact size in bytes.") long byteSize) {
        access.requireMerchant(Scope.WRITE_PRODUCTS);
        return MutationSupport.run(() -> {
            UUID variant = variant(variantId);
            StagedUpload staged = commands.stageUpload(variant, fileName, contentType, byteSize);
            DigitalFileView file = reads.files(List.of(variant)).getOrDefault(variant, List.of()).stream()
                    .filter(f -> f.id().equals(GlobalId.format(DigitalViews.FILE, staged.fileId()))).findFirst().orElseThrow();
            return new DigitalFileUploadCreatePayload(file, new DigitalFileUploadView(links.uploadUrl(staged.token()), "PUT", staged.expiresAt()),
                    List.of());
        }, errors -> new DigitalFileUploadCreatePayload(null, null, DigitalUserError.from(errors)));
    }

    @Mutation("digitalFileDelete")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: deletes a file of a variant; links already handed out for it stop working. Needs write_products.")
    public DigitalFileDeletePayload digitalFileDelete(@NonNull @Id @Name("id") @Description("The file's global id.") String id) {
        access.requireMerchant(Scope.WRITE_PRODUCTS);
        return MutationSupport.run(() -> {
            UUID file = GlobalId.parse(id, DigitalViews.FILE).orElseThrow(() -> new DomainException(DigitalErrorCode.FILE_NOT_FOUND,
                    List.of("id"), "No file has this id."));
            commands.deleteFile(file);
            return new DigitalFileDeletePayload(GlobalId.format(DigitalViews.FILE, file), List.of());
        }, errors -> new DigitalFileDeletePayload(null, DigitalUserError.from(errors)));
    }

    @Mutation("licenseKeysAdd")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: adds license keys to a DIGITAL variant's pool (keys it already has are skipped); paid lines waiting for "
            + "keys get them at once. A variant with keys hands one per unit to each paid order. Needs write_products.")
    public LicenseKeysAddPayload licenseKeysAdd(@NonNull @Id @Name("variantId") @Description("The variant's global id.") String variantId,
            @NonNull @Name("keys") @Description("The keys (1 to 1,000 per call, each 1 to 500 characters).") List<@NonNull String> keys) {
        access.requireMerchant(Scope.WRITE_PRODUCTS);
        return MutationSupport.run(() -> {
            UUID variant = variant(variantId);
            KeysAdded added = commands.addKeys(variant, keys);
            Map<UUID, LicenseKeyPoolView> pools = reads.pools(List.of(variant));
            return new LicenseKeysAddPayload(added.added(), added.duplicates(), added.handedOut(), pools.get(variant), List.of());
        }, errors -> new LicenseKeysAddPayload(null, null, null, null, DigitalUserError.from(errors)));
    }

    @Mutation("orderDownloadLinkResend")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: issues a fresh link for an order's download (the old link stops working at once), valid for at least the "
            + "configured time from now, and records it for notifications. Needs write_orders.")
    public OrderDownloadPayload orderDownloadLinkResend(
            @NonNull @Id @Name("downloadId") @Description("The download's global id (Order.digitalDelivery.downloads.id).") String downloadId) {
        access.requireMerchant(Scope.WRITE_ORDERS);
        return onDownload(downloadId, commands::resend);
    }

    @Mutation("orderDownloadLimitExtend")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: allows more downloads and/or more days on an order's download (days count from the later of now and "
            + "its expiry). Needs write_orders.")
    public OrderDownloadPayload orderDownloadLimitExtend(
            @NonNull @Id @Name("downloadId") @Description("The download's global id.") String downloadId,
            @Name("extraDownloads") @Description("Downloads to add (0 to 1,000; 0 when omitted).") Integer extraDownloads,
            @Name("extraDays") @Description("Days to add (0 to 3,650; 0 when omitted).") Integer extraDays) {
        access.requireMerchant(Scope.WRITE_ORDERS);
        int downloads = extraDownloads == null ? 0 : extraDownloads;
        int days = extraDays == null ? 0 : extraDays;
        return onDownload(downloadId, grant -> commands.extend(grant, downloads, days));
    }

    private OrderDownloadPayload onDownload(String id, java.util.function.Consumer<UUID> command) {
        return MutationSupport.run(() -> {
            UUID grant = GlobalId.parse(id, DigitalViews.DOWNLOAD).orElseThrow(() -> new DomainException(DigitalErrorCode.DOWNLOAD_NOT_FOUND,
                    List.of("downloadId"), "No download has this id."));
            command.accept(grant);
            return new OrderDownloadPayload(reads.download(grant).orElseThrow(), List.of());
        }, errors -> new OrderDownloadPayload(null, DigitalUserError.from(errors)));
    }

    private static UUID variant(String id) {
        return GlobalId.parse(id, ProductVariantView.TYPE).orElseThrow(() -> new DomainException(DigitalErrorCode.VARIANT_NOT_FOUND,
                List.of("variantId"), "No variant has this id."));
    }
}
