package io.shopgraph.store.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("StaffMemberErrorCode")
@Description("Why a staff member mutation failed.")
public enum StaffMemberErrorCode {
    @Description("The issuer or subject is empty or longer than 255 characters.")
    INVALID_PRINCIPAL,
    @Description("This issuer and subject is already a member of the store.")
    ALREADY_MEMBER,
    @Description("No staff member with this id exists in this store.")
    NOT_FOUND,
    @Description("The change would leave the store without an OWNER.")
    LAST_OWNER
}
