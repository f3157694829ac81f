package io.shopgraph.store.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AppInstallationErrorCode")
@Description("Why a partner app mutation failed.")
public enum AppInstallationErrorCode {
    @Description("The client id is empty or longer than 255 characters.")
    INVALID_CLIENT_ID,
    @Description("An app with this client id is already installed in the store.")
    ALREADY_INSTALLED,
    @Description("No installed app with this id exists in this store.")
    NOT_FOUND,
    @Description("No scope was given.")
    NO_SCOPES,
    @Description("A scope that cannot be granted to apps (manage_staff) was asked for.")
    SCOPE_NOT_GRANTABLE
}
