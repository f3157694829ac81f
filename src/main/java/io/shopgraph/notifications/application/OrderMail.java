package io.shopgraph.notifications.application;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What an order mail's template sees: texts already formatted for the mail's locale. Values are plain text; the
 * HTML templates escape them (Qute escapes every expression of a .html template), the text templates do not.
 * {@code @TemplateData} generates the value resolvers at build time (no reflection, native-safe).
 */
@TemplateData
public record OrderMail(String storeName, String storeEmail, String orderName, String email, boolean paid, List<Line> lines,
        String subtotal, String discount, String shipping, String tax, String total, String paidAmount, List<String> shippingAddress) {

    /** One ordered line with its attributes (a bespoke item's engraving, size, ...). */
    @TemplateData
    public record Line(String title, String variantTitle, int quantity, String total, List<Attribute> attributes) {
    }

    @TemplateData
    public record Attribute(String key, String value) {
    }

    public boolean ships() {
        return !shippingAddress.isEmpty();
    }

    public boolean hasDiscount() {
        return discount != null;
    }
}
