package io.shopgraph.catalog.application.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a shopper's text into the words PostgreSQL's {@code catalog.search_query} turns into a tsquery
 * (see the catalog_search_quality migration). The text is cut into words of letters, digits and
 * combining marks; everything else, including every tsquery operator {@code & | ! ( ) : * < > ' \},
 * only separates words, so no input can produce a malformed query. Bounded: at most
 * {@value #MAX_TERMS} words of at most {@value #MAX_TERM_LENGTH} characters.
 *
 * <p>Each word matches as a <b>prefix</b> (type-ahead: "shi" finds "Shirt"), in its typed and in its
 * stemmed form (the store's language: "shirts" finds "Shirt"), accent-folded ("creme" finds "Crème"),
 * with two exceptions that keep symbols sane: a one-letter word, and a word written right before
 * {@code +} or {@code #} ("c++", "c#", "f#"), match only as whole words, so "c++" does not find
 * everything that starts with a c.
 */
public final class SearchText {

    static final int MAX_TERMS = 16;
    static final int MAX_TERM_LENGTH = 64;
    /** Typo tolerance compares by trigrams only texts with a word this long (shorter ones match too much). */
    static final int MIN_FUZZY_WORD = 4;
    /** The trigram word similarity a folded title needs with the query when its words matched nothing. */
    public static final double FUZZY_THRESHOLD = 0.3;

    /** The tsquery of the base texts in the store's language; binds :lang and :tsq. */
    public static final String TSQUERY = "catalog.search_query(catalog.search_config(cast(:lang as text)), cast(:tsq as text))";

    /**
     * The relevance of a product, rounded so that it compares exactly between the order and the cursor:
     * ts_rank of the words, plus a small trigram similarity of the title, which orders typo matches
     * (their ts_rank is 0) and barely moves the others, minus a smaller edit distance for typo matches.
     * Binds :lang, :tsq, :qraw and :qword (ProductFilterSql puts them into the parameters).
     */
    static final String RANK = "round(cast(coalesce(ts_rank(p.search_document, " + TSQUERY + "), 0) "
            + "+ 0.01 * catalog.word_similarity(catalog.search_fold(cast(:qraw as text)), catalog.search_fold(p.title)) "
            // Typo matches (the words did not match): fewer edits between the longest typed word and a title word first.
            + "- 0.001 * (case when p.search_document @@ " + TSQUERY + " then 0 else (select coalesce(min(catalog.levenshtein_less_equal("
            + "w.word, catalog.search_fold(cast(:qword as text)), 5)), 6) from regexp_split_to_table(catalog.search_fold(p.title), "
            + "'\\W+') as w(word)) end) as numeric), 6)";

    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*");

    private SearchText() {
    }

    /** The text as a tag to compare with stored (lower-case) tags; without NUL, which PostgreSQL text refuses. */
    public static String tag(String text) {
        return text.replace("\u0000", "").strip().toLowerCase();
    }

    /**
     * The words for {@code catalog.search_query}: separated by single spaces, a trailing {@code *} on
     * those matching as a prefix; empty when the text holds no letter or digit (nothing matches).
     */
    public static String terms(String text) {
        List<String> terms = new ArrayList<>();
        for (Word word : words(text)) {
            terms.add(word.prefix ? word.text + "*" : word.text);
        }
        return String.join(" ", terms);
    }

    /** The words alone, separated by spaces, for trigram comparisons (PostgreSQL folds case and accents). */
    public static String plain(String text) {
        return String.join(" ", words(text).stream().map(Word::text).toList());
    }

    /** The longest word, the one typo matches are ranked by (edit distance to a title word). */
    public static String longestWord(String text) {
        return words(text).stream().map(Word::text).max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }

    /** Whether typo tolerance may apply: some word is long enough for trigrams to mean something. */
    public static boolean fuzzy(String text) {
        return words(text).stream().anyMatch(w -> w.text.codePointCount(0, w.text.length()) >= MIN_FUZZY_WORD);
    }

    private record Word(String text, boolean prefix) {
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = TERM.matcher(text);
        while (m.find() && words.size() < MAX_TERMS) {
            String term = m.group();
            if (term.length() > MAX_TERM_LENGTH) {
                term = term.substring(0, Character.isHighSurrogate(term.charAt(MAX_TERM_LENGTH - 1))
                        ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH);
            }
            char next = m.end() < text.length() ? text.charAt(m.end()) : ' ';
            boolean symbolAttached = next == '+' || next == '#';
            boolean prefix = term.codePointCount(0, term.length()) > 1 && !symbolAttached;
            words.add(new Word(term, prefix));
        }
        return words;
    }
}
