package io.shopgraph.catalog.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a shopper's text into a PostgreSQL tsquery that can never be malformed: the text is cut into
 * runs of letters, digits and combining marks (everything else, including every tsquery operator
 * {@code & | ! ( ) : * < > ' \}, only separates terms), each term becomes a prefix match
 * ({@code term:*}) and the terms combine with AND. Bounded: at most {@value #MAX_TERMS} terms of at
 * most {@value #MAX_TERM_LENGTH} characters. The query goes to SQL as a bound parameter of
 * {@code to_tsquery('simple', ...)}, which lower-cases it exactly as the stored document was.
 */
final class SearchText {

    static final int MAX_TERMS = 16;
    static final int MAX_TERM_LENGTH = 64;

    /** The match of the weighted search document (see the catalog_search migration); binds :tsq. */
    static final String TSQUERY = "to_tsquery('simple', :tsq)";

    /** The relevance of a product, rounded so that it compares exactly between the order and the cursor. */
    static final String RANK = "round(cast(ts_rank(p.search_document, " + TSQUERY + ") as numeric), 6)";

    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private SearchText() {
    }

    /** The text as a tag to compare with stored (lower-case) tags; without NUL, which PostgreSQL text refuses. */
    static String tag(String text) {
        return text.replace("\u0000", "").strip().toLowerCase();
    }

    /** The tsquery text for the user's text; empty when it holds no letter or digit (nothing matches). */
    static String tsquery(String text) {
        if (text == null) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        Matcher m = TERM.matcher(text);
        while (m.find() && terms.size() < MAX_TERMS) {
            String term = m.group();
            if (term.length() > MAX_TERM_LENGTH) {
                term = term.substring(0, Character.isHighSurrogate(term.charAt(MAX_TERM_LENGTH - 1))
                        ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH);
            }
            terms.add(term + ":*");
        }
        return String.join(" & ", terms);
    }
}
