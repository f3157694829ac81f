package io.shopgraph.catalog.domain;

/** The texts of one locale to store; a null text is not translated (readers fall back to the base text). */
public record TranslationDraft(String locale, String title, String description) {
}
