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
    /**
     * What each character folds to on its own ({@link #simpleFold}), in blocks of 256 filled as
     * characters are first met; a race between two threads only works one out twice.
     */
    private static final String[][] SIMPLE = new String[256][];
    private static final String NOT_SIMPLE = new String("not simple");

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
        StringBuilder out = new StringBuilder(text.length());
        return appendSimple(out, text) ? out.toString() : foldInFull(text);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The rule itself ({@link #fold}), for any text. */
    static String foldInFull(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = DIACRITICS.matcher(decomposed).replaceAll("");
        String composed = Normalizer.normalize(stripped, Normalizer.Form.NFKC);
        return composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Appends {@code text} folded, when every character in it folds on its own (see
     * {@link #simpleFold}); false, with {@code out} as it was, when one does not.
     */
    private static boolean appendSimple(StringBuilder out, String text) {
        int start = out.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else {
                String folded = simpleFold(c);
                if (folded == null) {
                    out.setLength(start);
                    return false;
                }
                out.append(folded);
            }
        }
        return true;
    }

    /**
     * What the character {@code c} (not ASCII) folds to in any text made only of ASCII and such
     * characters, or null if it is not one of them: then the whole text is folded by the rule
     * ({@link #foldInFull}, a few microseconds: the accented and CJK titles of a
     * 100,000-purchase history took a third of the time of storing it). Such a character is
     * either
     * <ul>
     * <li>one whose compatibility decomposition is ASCII and stripped diacritics only (é, ﬁ,
     *     full-width letters): those diacritics go whatever they meet, the ASCII letters compose
     *     with nothing, and ASCII case-folds alone; or</li>
     * <li>one that decomposes to nothing else and is no combining mark, from a script whose
     *     letters are never the second of a composed pair and whose case mapping needs no
     *     context (Latin, Cyrillic, punctuation, kana, CJK ideographs; not Greek, whose final
     *     sigma depends on the next letter): it stays as it is through both normalisations and
     *     case-folds alone.</li>
     * </ul>
     * Worked out once per character, by the rule itself.
     */
    static String simpleFold(char c) {
        String[] block = SIMPLE[c >>> 8];
        if (block == null) {
            block = new String[256];
            SIMPLE[c >>> 8] = block;
        }
        String folded = block[c & 0xFF];
        if (folded == null) {
            folded = classify(c);
            block[c & 0xFF] = folded;
        }
        return folded == NOT_SIMPLE ? null : folded;
    }

    private static String classify(char c) {
        if (c < 0x80 || Character.isSurrogate(c)) {
            return NOT_SIMPLE;
        }
        String one = String.valueOf(c);
        String decomposed = Normalizer.normalize(one, Normalizer.Form.NFKD);
        boolean asciiAndDiacritics = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (d >= 0x80 && !DIACRITICS.matcher(String.valueOf(d)).matches()) {
                asciiAndDiacritics = false;
                break;
            }
        }
        if (asciiAndDiacritics) {
            return foldInFull(one);
        }
        int type = Character.getType(c);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
        if (decomposed.equals(one) && !mark && inStableScript(c)
                && Normalizer.normalize(one, Normalizer.Form.NFKC).equals(one)) {
            return foldInFull(one);
        }
        return NOT_SIMPLE;
    }

    /**
     * Latin-1 Supplement and Latin Extended-A and -B, Cyrillic, General Punctuation, CJK
     * symbols, Hiragana and Katakana, CJK Unified Ideographs and Extension A.
     */
    private static boolean inStableScript(char c) {
        return (c >= 0x00A0 && c <= 0x024F) || (c >= 0x0400 && c <= 0x04FF) || (c >= 0x2000 && c <= 0x206F)
                || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
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
            appendField(sb, field);
        }
        return sb.toString();
    }

    /** {@link #document} of a purchase's three fields, with no array and no String per field. */
    static String document(String title, String partner, String receipt) {
        StringBuilder sb = new StringBuilder(length(title) + length(partner) + length(receipt) + 2);
        appendField(sb, title);
        appendField(sb, partner);
        appendField(sb, receipt);
        return sb.toString();
    }

    private static int length(String field) {
        return field == null ? 0 : field.length();
    }

    private static void appendField(StringBuilder sb, String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('\n');
        }
        if (!appendSimple(sb, field)) {
            sb.append(foldInFull(field));
        }
    }
}
