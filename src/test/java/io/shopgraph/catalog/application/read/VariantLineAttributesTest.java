package io.shopgraph.catalog.application.read;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopgraph.catalog.api.LineAttributeDeclaration;
import io.shopgraph.catalog.api.LineAttributeType;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;

/** The rules of line-attribute declarations, without the application. */
class VariantLineAttributesTest {

    @Test
    void declarationsAreBoundedAndConsistent() {
        assertThatCode(() -> VariantLineAttributes.validate(List.of(text("engraving"),
                new LineAttributeDeclaration("metal", LineAttributeType.CHOICE, false, 10, List.of("gold", "silver"))))).doesNotThrowAnyException();
        invalid(List.of(text("bad key!")));
        invalid(List.of(text("a"), text("a")));
        invalid(Collections.nCopies(11, text("k")));
        invalid(List.of(new LineAttributeDeclaration("k", LineAttributeType.TEXT, false, 0, List.of())));
        invalid(List.of(new LineAttributeDeclaration("k", LineAttributeType.TEXT, false, 10, List.of("x"))));
        invalid(List.of(new LineAttributeDeclaration("k", LineAttributeType.CHOICE, false, 10, List.of())));
        invalid(List.of(new LineAttributeDeclaration("k", LineAttributeType.CHOICE, false, 3, List.of("long value"))));
        invalid(List.of(new LineAttributeDeclaration("k", LineAttributeType.CHOICE, false, 10, List.of("a", "a"))));
    }

    private static LineAttributeDeclaration text(String key) {
        return new LineAttributeDeclaration(key, LineAttributeType.TEXT, true, 20, List.of());
    }

    private static void invalid(List<LineAttributeDeclaration> declarations) {
        assertThatThrownBy(() -> VariantLineAttributes.validate(declarations)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ProductErrorCode.INVALID_VALUE);
    }
}
