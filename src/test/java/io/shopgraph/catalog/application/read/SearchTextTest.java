package io.shopgraph.catalog.application.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words a shopper's text becomes, without booting the application. */
class SearchTextTest {

    @Test
    void wordsArePrefixesExceptSingleLettersAndWordsBeforePlusOrHash() {
        assertThat(SearchText.terms("Linen, shi")).isEqualTo("Linen* shi*");
        assertThat(SearchText.terms("c++ primer")).isEqualTo("c primer*");
        assertThat(SearchText.terms("C# f# t-shirt")).isEqualTo("C f t shirt*");
        assertThat(SearchText.terms("crème brûlée")).isEqualTo("crème* brûlée*");
    }

    @Test
    void operatorsAndOddCharactersOnlySeparateWords() {
        assertThat(SearchText.terms("shi:* | mug & !(x)")).isEqualTo("shi* mug* x");
        assertThat(SearchText.terms("'; drop table --")).isEqualTo("drop* table*");
        assertThat(SearchText.terms("\u0301\u0000!!!")).isEmpty();
        assertThat(SearchText.terms(null)).isEmpty();
        assertThat(SearchText.terms("w ".repeat(40)).split(" ")).hasSize(SearchText.MAX_TERMS);
        assertThat(SearchText.terms("x".repeat(500))).hasSize(SearchText.MAX_TERM_LENGTH + 1);
    }

    @Test
    void typoToleranceNeedsAWordOfFourLetters() {
        assertThat(SearchText.fuzzy("shrit")).isTrue();
        assertThat(SearchText.fuzzy("c++ tee")).isFalse();
        assertThat(SearchText.longestWord("blue shrit")).isEqualTo("shrit");
        assertThat(SearchText.plain("blue, shrit!")).isEqualTo("blue shrit");
    }
}
