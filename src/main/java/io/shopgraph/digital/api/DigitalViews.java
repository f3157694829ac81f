package io.shopgraph.digital.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What the digital module shows: an order's digital delivery, a variant's files and key pool (immutable views). */
public final class DigitalViews {

    public static final String FILE = "DigitalFile";
    public static final String DOWNLOAD = "DigitalDownload";

    private DigitalViews() {
    }

    @Type("DigitalDelivery")
    @Description("What a paid order's DIGITAL lines delivered: download links and license keys.")
    public record DigitalDeliveryView(
            @NonNull @Description("One download per file per DIGITAL line, oldest first.") List<@NonNull DigitalDownloadView> downloads,
            @NonNull @Description("The license keys handed out, one per unit.") List<@NonNull LicenseKeyView> licenseKeys,
            @NonNull @Description("Lines still waiting for keys (the variant's pool ran empty); they are filled when the merchant adds keys.")
            List<@NonNull AwaitingLicenseKeysView> awaitingLicenseKeys,
            @NonNull @Description("When the order was delivered (after its payment).") Instant deliveredAt) {
    }

    @Type("DigitalDownload")
    @Description("A download link of one file of an order line: it works until it expires or its downloads are used up.")
    public record DigitalDownloadView(
            @Id @NonNull @Description("The download's global id (for the merchant's resend and extend).") String id,
            @Id @NonNull @Description("The order line's global id.") String lineId,
            @NonNull @Description("The file's name.") String fileName,
            @NonNull @Description("The file's content type.") String contentType,
            @NonNull @Description("The file's size in bytes.") long byteSize,
            @Description("The link (GET); null when this service signs no links (not configured).") String url,
            @NonNull @Description("When the link stops working.") Instant expiresAt,
            @NonNull @Description("How many downloads the link allows.") int downloadLimit,
            @NonNull @Description("How many downloads were made.") int downloadsUsed,
            @NonNull @Description("How many downloads are left (0 once expired).") int downloadsRemaining) {
    }

    @Type("LicenseKey")
    @Description("A license key handed out for one unit of an order line.")
    public record LicenseKeyView(
            @Id @NonNull @Description("The order line's global id.") String lineId,
            @NonNull @Description("The key.") String key,
            @NonNull @Description("When it was handed out.") Instant assignedAt) {
    }

    @Type("AwaitingLicenseKeys")
    @Description("An order line that still waits for license keys.")
    public record AwaitingLicenseKeysView(
            @Id @NonNull @Description("The order line's global id.") String lineId,
            @NonNull @Description("How many keys it still waits for.") int quantity) {
    }

    @Enum("DigitalFileStatus")
    @Description("Where a file's upload is.")
    public enum DigitalFileStatus {
        @Description("Its upload URL was issued; the bytes have not arrived (orders get no link for it).")
        PENDING,
        @Description("Uploaded and attached to its variant: paid orders get a link for it.")
        READY
    }

    @Type("DigitalFile")
    @Description("A file of a DIGITAL variant, delivered to its paid orders as a download link.")
    public record DigitalFileView(
            @Id @NonNull @Description("The file's global id.") String id,
            @Id @NonNull @Description("The variant's global id.") String variantId,
            @NonNull @Description("The file's name, as the shopper sees it.") String fileName,
            @NonNull @Description("The content type.") String contentType,
            @NonNull @Description("The size in bytes.") long byteSize,
            @NonNull @Description("Whether the bytes arrived.") DigitalFileStatus status,
            @NonNull @Description("When the upload was staged.") Instant createdAt) {
    }

    @Type("LicenseKeyPool")
    @Description("A variant's license keys.")
    public record LicenseKeyPoolView(
            @NonNull @Description("Keys not handed out yet.") int available,
            @NonNull @Description("Keys handed out to orders.") int assigned,
            @NonNull @Description("Units of paid orders still waiting for a key.") int awaiting) {
    }
}
