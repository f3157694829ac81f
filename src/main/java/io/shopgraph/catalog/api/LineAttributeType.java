package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("LineAttributeType")
@Description("What kind of value a line attribute takes.")
public enum LineAttributeType {
    @Description("Free text, up to the declared length.")
    TEXT,
    @Description("A decimal number such as 42 or 61.5 (no exponent), up to the declared length.")
    NUMBER,
    @Description("One of the declared allowed values.")
    CHOICE
}
