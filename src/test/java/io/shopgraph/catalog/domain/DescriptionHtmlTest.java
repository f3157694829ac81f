package io.shopgraph.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The allowlist of merchant HTML, without booting the application. */
public class DescriptionHtmlTest {

    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<style>body{display:none}</style>",
            "<img src=x onerror=alert(1)>",
            "<p onclick=\"alert(1)\">click</p>",
            "<a href=\"javascript:alert(1)\">link</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">link</a>",
            "<a href=\"&#106;avascript:alert(1)\">link</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">link</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<form action=https://evil.example><input name=card></form>",
            "<body onload=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");

    @Test
    void scriptsStylesHandlersAndScriptUrlsNeverSurvive() {
        for (String payload : PAYLOADS) {
            String clean = DescriptionHtml.sanitize("<p>Before</p>" + payload + "<p>After</p>").toLowerCase();
            assertThat(clean).as(payload).doesNotContain("<script", "<style", "onerror", "onclick", "onload", "javascript:",
                    "data:", "<iframe", "<svg", "<form", "<input", "style=", "alert(1)</");
            // (What follows an unclosed <style> is style text and goes with it: that is the safe reading.)
            assertThat(clean).as(payload).startsWith("<p>before</p>");
        }
    }

    @Test
    void formattingListsAndSafeLinksStay() {
        String clean = DescriptionHtml.sanitize("<h2>Care</h2><p>Wash <strong>cold</strong>, <em>line dry</em>.</p>"
                + "<ul><li>Linen</li><li>Cotton</li></ul><a href=\"https://shop.example/size\">Size guide</a>"
                + "<img src=\"https://img.example/a.jpg\" alt=\"Label\">");
        assertThat(clean).contains("<h2>Care</h2>", "<strong>cold</strong>", "<em>line dry</em>", "<ul><li>Linen</li><li>Cotton</li></ul>",
                "href=\"https://shop.example/size\"", "rel=\"nofollow noopener noreferrer\"", "src=\"https://img.example/a.jpg\"");
    }

    @Test
    void theTextOfTheHtmlIsOneLinePerBlockWithEntitiesDecoded() {
        String clean = DescriptionHtml.sanitize("<p>Fish &amp; chips</p><p>Crème <b>brûlée</b></p><ul><li>A</li><li>B</li></ul>"
                + "<script>alert(1)</script>");
        assertThat(DescriptionHtml.text(clean)).isEqualTo("Fish & chips\nCrème brûlée\nA\nB");
        assertThat(DescriptionHtml.sanitize(null)).isEmpty();
    }
}
