package io.shopgraph.payments.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Why a payment settings mutation was refused. */
@Enum("PaymentSettingsErrorCode")
@Description("Why a payment settings mutation was refused.")
public enum PaymentSettingsErrorCode {
    @Description("A key or secret is malformed, of the wrong mode, or the change would leave no webhook secret.")
    INVALID_INPUT,
    @Description("The store has no Stripe account connected.")
    NOT_CONNECTED,
    @Description("This installation has no encryption key configured for payment secrets.")
    ENCRYPTION_NOT_CONFIGURED
}
