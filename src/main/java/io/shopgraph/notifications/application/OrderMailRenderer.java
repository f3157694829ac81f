package io.shopgraph.notifications.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.shopgraph.notifications.domain.MailText;
import io.shopgraph.notifications.domain.NotificationKind;
import io.shopgraph.orders.api.OrderViews.OrderAddressView;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.store.api.StoreContact;

/**
 * Renders an order mail from templates/notifications/{kind}.{locale}.{txt,html}: the store's locale when a
 * template exists for it, English otherwise ({@link MailText#locale}).
 */
@ApplicationScoped
public class OrderMailRenderer {

    /** A mail ready to queue. */
    public record Rendered(String template, String subject, String text, String html, boolean orderPaid) {
    }

    private final Engine engine;

    OrderMailRenderer(Engine engine) {
        this.engine = engine;
    }

    public Rendered render(NotificationKind kind, OrderView order, StoreContact store) {
        String locale = MailText.locale(store.defaultLocale());
        OrderMail mail = mail(order, store, locale);
        String base = "notifications/" + kind.template() + "." + locale;
        return new Rendered(kind.template() + "." + locale, MailText.subject(kind, locale, store.name(), order.name()),
                template(base + ".txt").data("mail", mail).render(), template(base + ".html").data("mail", mail).render(), mail.paid());
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("Missing mail template " + id);
        }
        return template;
    }

    static OrderMail mail(OrderView order, StoreContact store, String locale) {
        List<OrderMail.Line> lines = order.lines().stream().map(l -> new OrderMail.Line(l.title(), l.variantTitle(), l.quantity(),
                money(l.cost().totalAmount(), locale), l.attributes().stream().map(a -> new OrderMail.Attribute(a.key(),
                        a.value() == null ? "" : a.value())).toList())).toList();
        BigDecimal discount = order.cost().discountAmount().amount().value();
        boolean paid = order.totalPaid().amount().value().compareTo(order.cost().totalAmount().amount().value()) >= 0;
        return new OrderMail(store.name(), store.contactEmail(), order.name(), order.email(), paid, lines,
                money(order.cost().subtotalAmount(), locale), discount.signum() == 0 ? null : money(order.cost().discountAmount(), locale),
                money(order.cost().shippingAmount(), locale), money(order.cost().taxAmount(), locale), money(order.cost().totalAmount(), locale),
                money(order.totalPaid(), locale), address(order.shippingAddress()));
    }

    private static String money(MoneyView money, String locale) {
        return MailText.money(money.amount().value(), money.currencyCode(), locale);
    }

    private static List<String> address(OrderAddressView a) {
        if (a == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        add(lines, join(a.firstName(), a.lastName()));
        add(lines, a.company());
        add(lines, a.address1());
        add(lines, a.address2());
        add(lines, join(a.zip(), a.city()));
        add(lines, join(a.province(), a.countryCode()));
        return lines;
    }

    private static String join(String... parts) {
        return String.join(" ", Stream.of(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }
}
