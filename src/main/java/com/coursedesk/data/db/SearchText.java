package com.coursedesk.data.db;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for accent- and case-insensitive search, identically for what is stored and
 * what the learner types: "Aprendizaje Automático" and "aprendizaje automatico" fold to the
 * same string, as do "Straße" and "STRASSE", and full-width "ＡＩ" and "ai".
 */
public final class SearchText {

    // Only the combining diacritic blocks (accents on Latin, Greek, Cyrillic letters) are
    // dropped. Kana voicing marks (U+3099/U+309A) are kept: ガ and カ are different words.
    private static final Pattern DIACRITICS =
            Pattern.compile("[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SearchText() {
    }

    /**
     * Compatibility-decomposes (NFKD), removes diacritics, recomposes (NFKC) and case-folds
     * (upper then lower case in {@link Locale#ROOT}, so that ß becomes ss and final sigma σ).
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isAscii(text)) {
            // Nothing to decompose, strip or compose, and ASCII case-folds to lower case: the
            // common case (receipt numbers, most titles) without two normalisation passes, which
            // were a tenth of the time of writing a 100,000-purchase sync.
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = DIACRITICS.matcher(decomposed).replaceAll("");
        String composed = Normalizer.normalize(stripped, Normalizer.Form.NFKC);
        return composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The folded, whitespace-separated terms of a query; empty for a blank query. */
    public static List<String> terms(String query) {
        String folded = fold(query).strip();
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(WHITESPACE.split(folded)).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /**
     * The stored search text of a record: each field folded, joined by newlines so that a
     * search term (which never contains whitespace) cannot match across two fields.
     */
    static String document(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (String field : fields) {
            if (field == null || field.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(fold(field));
        }
        return sb.toString();
    }
}
