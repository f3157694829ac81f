package io.shopgraph.digital.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("DigitalErrorCode")
@Description("Why a digital-goods mutation failed. Nothing of a failed mutation is written.")
public enum DigitalErrorCode {
    @Description("No variant has this id in this store (unknown and another store's are never told apart).")
    VARIANT_NOT_FOUND,
    @Description("The variant's product is not DIGITAL.")
    NOT_DIGITAL,
    @Description("The file name is empty, longer than 255 characters, or holds a path separator or a control character.")
    INVALID_FILE_NAME,
    @Description("The content type is not one the store accepts for downloads.")
    CONTENT_TYPE_NOT_ALLOWED,
    @Description("The declared size is not positive or above the largest file accepted.")
    INVALID_FILE_SIZE,
    @Description("The variant already has the most files allowed.")
    TOO_MANY_FILES,
    @Description("No file has this id in this store.")
    FILE_NOT_FOUND,
    @Description("The keys are empty, too many for one call, or one is blank or longer than 500 characters.")
    INVALID_KEYS,
    @Description("No download of an order has this id in this store.")
    DOWNLOAD_NOT_FOUND,
    @Description("The extension adds nothing, or more than 1,000 downloads or 3,650 days, or a negative amount.")
    INVALID_EXTENSION,
    @Description("Download links are not configured on this service (shopgraph.digital.links.secret).")
    LINKS_NOT_CONFIGURED
}
