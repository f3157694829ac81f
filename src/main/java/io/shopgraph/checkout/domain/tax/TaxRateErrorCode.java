package io.shopgraph.checkout.domain.tax;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("TaxRateErrorCode")
@Description("Why a tax rate mutation failed. Nothing of a failed mutation is written.")
public enum TaxRateErrorCode {
    @Description("An input is malformed or out of bounds (the message says which).")
    INVALID_INPUT,
    @Description("This destination already has a rate with this title.")
    TITLE_TAKEN
}
