package io.shopgraph.checkout.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives {@link Pricing#price} with the hand-computed fixtures of {@code pricing/fixtures.json}: inputs and the
 * expected minor units, each with the arithmetic that produced it.
 */
class PricingFixturesTest {

    private static final String FILE = "/pricing/fixtures.json";

    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> all = new ArrayList<>();
        fixtureNodes().forEach(f -> all.add(Arguments.of(f.get("name").asText(), f)));
        return all.stream();
    }

    private static List<JsonNode> fixtureNodes() throws IOException {
        try (InputStream in = PricingFixturesTest.class.getResourceAsStream(FILE)) {
            List<JsonNode> nodes = new ArrayList<>();
            new ObjectMapper().readTree(in).get("fixtures").forEach(nodes::add);
            return nodes;
        }
    }

    @Test
    void theTableHasAtLeastFortyFixtures() throws IOException {
        assertThat(fixtureNodes()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void pricesAsComputedByHand(String name, JsonNode f) {
        PricedCart priced = Pricing.price(input(f));
        JsonNode e = f.get("expect");
        assertThat(priced.subtotalMinor()).as("subtotal").isEqualTo(e.get("subtotal").asLong());
        assertThat(priced.discountMinor()).as("discount").isEqualTo(e.get("discount").asLong());
        assertThat(priced.shippingMinor()).as("shipping").isEqualTo(e.get("shipping").asLong());
        assertThat(priced.taxMinor()).as("tax").isEqualTo(e.get("tax").asLong());
        assertThat(priced.totalMinor()).as("total").isEqualTo(e.get("total").asLong());
        if (e.has("lines")) {
            e.get("lines").properties().forEach(line -> {
                PricedCart.Line pl = priced.lines().stream().filter(l -> l.lineId().equals(id(line.getKey()))).findFirst().orElseThrow();
                if (line.getValue().has("d")) {
                    assertThat(pl.discountMinor()).as("line %s discount", line.getKey()).isEqualTo(line.getValue().get("d").asLong());
                }
                if (line.getValue().has("t")) {
                    assertThat(pl.taxMinor()).as("line %s tax", line.getKey()).isEqualTo(line.getValue().get("t").asLong());
                }
            });
        }
        if (e.has("codes")) {
            Map<String, String> expected = new HashMap<>();
            e.get("codes").properties().forEach(c -> expected.put(c.getKey(), c.getValue().asText()));
            Map<String, String> actual = new HashMap<>();
            priced.discountCodes().forEach(c -> actual.put(c.code(), c.outcome().name()));
            assertThat(actual).as("codes").isEqualTo(expected);
        }
        if (e.has("taxLines")) {
            e.get("taxLines").properties().forEach(t -> assertThat(priced.taxLines().stream()
                    .filter(l -> l.title().equals(t.getKey())).mapToLong(PricedCart.TaxLine::amountMinor).sum())
                    .as("tax line %s", t.getKey()).isEqualTo(t.getValue().asLong()));
        }
    }

    static PricingInput input(JsonNode f) {
        List<PricingInput.Line> lines = new ArrayList<>();
        for (JsonNode l : f.get("lines")) {
            String key = l.get("id").asText();
            lines.add(new PricingInput.Line(id(key), id(text(l, "variant", "V" + key)), id(text(l, "product", "P" + key)),
                    l.path("qty").asInt(1), l.get("price").asLong(), l.path("ship").asBoolean(true), l.path("taxable").asBoolean(true),
                    ids(l.get("collections"))));
        }
        List<Discount> discounts = new ArrayList<>();
        for (JsonNode d : f.path("discounts")) {
            Set<DiscountClass> combines = EnumSet.noneOf(DiscountClass.class);
            d.path("combines").forEach(c -> combines.add(DiscountClass.valueOf(c.asText())));
            String code = d.has("code") ? d.get("code").asText() : null;
            discounts.add(new Discount(id(d.get("id").asText()), code, code == null ? "Automatic " + d.get("id").asText() : code,
                    DiscountKind.valueOf(d.get("kind").asText()), d.path("value").asLong(0), d.path("each").asBoolean(false),
                    ids(d.get("products")), ids(d.get("variants")), ids(d.get("collections")), d.path("minSubtotal").asLong(0),
                    d.path("minQty").asInt(0), d.path("buy").asInt(0), d.path("get").asInt(0), combines));
        }
        Delivery delivery = f.has("delivery")
                ? new Delivery("rate", "Standard", f.get("delivery").get("price").asLong(), f.get("delivery").get("taxable").asBoolean())
                : null;
        List<TaxRate> rates = new ArrayList<>();
        f.path("rates").forEach(r -> rates.add(new TaxRate(r.get("title").asText(), new BigDecimal(r.get("rate").asText()))));
        List<String> codes = new ArrayList<>();
        f.path("codes").forEach(c -> codes.add(c.asText()));
        Map<String, DiscountOutcome> refused = new HashMap<>();
        f.path("refused").properties().forEach(r -> refused.put(r.getKey(), DiscountOutcome.valueOf(r.getValue().asText())));
        return new PricingInput(f.get("currency").asText(), lines, discounts, delivery, rates, f.path("included").asBoolean(false),
                codes, refused);
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.has(field) ? node.get(field).asText() : fallback;
    }

    private static Set<UUID> ids(JsonNode names) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (names != null) {
            names.forEach(n -> ids.add(id(n.asText())));
        }
        return ids;
    }

    /** Fixture names ("A", "P1", "C1") as stable UUIDs. */
    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
