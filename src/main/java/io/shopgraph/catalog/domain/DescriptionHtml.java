package io.shopgraph.catalog.domain;

import java.util.regex.Pattern;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Merchant-written product descriptions in HTML, cleaned by an allowlist (OWASP Java HTML Sanitizer):
 * text formatting, paragraphs, headings, lists, tables, block quotes, links (http, https and mailto;
 * {@code rel="nofollow noopener noreferrer"} added) and images (http and https). Everything else goes:
 * scripts and styles with their content, event-handler attributes, {@code style}, {@code javascript:} and
 * {@code data:} URLs, iframes, forms. Storefronts render {@code descriptionHtml} as HTML, so this is the
 * one place that decides what may reach a shopper's browser.
 */
// The sanitiser picks its collection shim by reflection (Class.forName), which a native image must know about.
@RegisterForReflection(classNames = { "org.owasp.shim.ForJava9AndLater", "org.owasp.shim.ForJava8" })
public final class DescriptionHtml {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder().allowElements("a").allowAttributes("href").onElements("a")
                    .allowUrlProtocols("http", "https", "mailto").requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());
    /** No element at all: what is left is the text. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();
    /**
     * Where a block ends, the text gets a line break (the sanitised HTML writes tags in lower case). The
     * break goes inside the closing element, where text is allowed (between list items it would be dropped).
     */
    private static final Pattern BLOCK_END = Pattern.compile("(</(?:p|li|h[1-6]|blockquote|td|th|div)>)");
    private static final Pattern LINE_BREAK = Pattern.compile("(<br\\s*/?>)");

    private DescriptionHtml() {
    }

    /** The HTML with only allowlisted elements, attributes and URL schemes left. */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html).strip();
    }

    /** The plain text of already sanitised HTML (for the plain description and search), one line per block. */
    public static String text(String sanitized) {
        String withBreaks = LINE_BREAK.matcher(BLOCK_END.matcher(sanitized).replaceAll("\n$1")).replaceAll("$1\n");
        String text = Encoding.decodeHtml(TEXT_ONLY.sanitize(withBreaks), false);
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
