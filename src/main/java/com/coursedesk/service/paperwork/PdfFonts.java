package com.coursedesk.service.paperwork;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fonts of one document. Each code point is drawn with the first font that has a glyph
 * for it (DejaVu Sans, then Droid Sans Fallback for CJK), so a title such as 機械学習入門 or
 * Aprendizaje Automático shows as written. A code point no font has is never drawn as an
 * empty box: an emoji or other pictograph is left out (with the space it leaves), any other
 * character becomes "?". Fonts are embedded as subsets, and only once a code point needs them.
 */
final class PdfFonts {

    enum Weight { REGULAR, BOLD }

    /** Text drawn in one font. */
    record Run(PDType0Font font, String text) {
    }

    private static final List<FontFiles.Face> REGULAR_CHAIN = List.of(FontFiles.Face.SANS, FontFiles.Face.CJK);
    private static final List<FontFiles.Face> BOLD_CHAIN =
            List.of(FontFiles.Face.SANS_BOLD, FontFiles.Face.SANS, FontFiles.Face.CJK);
    private static final int NO_FONT = -1;

    private final PDDocument document;
    private final FontFiles files;
    private final Map<FontFiles.Face, PDType0Font> loaded = new EnumMap<>(FontFiles.Face.class);
    private final Map<Weight, Map<Integer, Integer>> chosen = new EnumMap<>(Weight.class);

    PdfFonts(PDDocument document, FontFiles files) {
        this.document = document;
        this.files = files;
    }

    /** {@code text} split into runs of one font each, after the fallbacks above. */
    List<Run> runs(String text, Weight weight) throws IOException {
        String drawable = drawable(text, weight);
        List<FontFiles.Face> chain = chain(weight);
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFace = NO_FONT;
        for (int i = 0; i < drawable.length(); ) {
            int cp = drawable.codePointAt(i);
            i += Character.charCount(cp);
            int face = faceFor(cp, weight);
            if (face != currentFace && current.length() > 0) {
                runs.add(new Run(font(chain.get(currentFace)), current.toString()));
                current.setLength(0);
            }
            currentFace = face;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(font(chain.get(currentFace)), current.toString()));
        }
        return runs;
    }

    /**
     * {@code text} as it will be drawn: line breaks and tabs as spaces, every code point one of
     * the fonts has, and no double space where an emoji was left out.
     */
    String drawable(String text, Weight weight) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ' && cp != '\u00A0'
                    && cp != '\u202F') {
                out.append(' ');
            } else if (faceFor(cp, weight) != NO_FONT) {
                out.appendCodePoint(cp);
            } else if (!isPictographic(cp)) {
                out.append('?');
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** The width of {@code text} in points at {@code size}. */
    float width(String text, Weight weight, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text, weight)) {
            width += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return width;
    }

    private int faceFor(int cp, Weight weight) throws IOException {
        Map<Integer, Integer> cache = chosen.computeIfAbsent(weight, w -> new HashMap<>());
        Integer known = cache.get(cp);
        if (known != null) {
            return known;
        }
        int found = NO_FONT;
        List<FontFiles.Face> chain = chain(weight);
        if (cp == ' ') {
            found = 0;
        } else {
            for (int i = 0; i < chain.size(); i++) {
                if (font(chain.get(i)).getCmapLookup().getGlyphId(cp) > 0) {
                    found = i;
                    break;
                }
            }
        }
        cache.put(cp, found);
        return found;
    }

    private static List<FontFiles.Face> chain(Weight weight) {
        return weight == Weight.BOLD ? BOLD_CHAIN : REGULAR_CHAIN;
    }

    private PDType0Font font(FontFiles.Face face) throws IOException {
        PDType0Font font = loaded.get(face);
        if (font == null) {
            // Glyph substitution off: PDFBox 3 would otherwise draw "ff", "fi" and "fl" as
            // ligature glyphs whose text is U+FB00..U+FB02, so a purchase ID such as
            // pur_77yyffs7 copied out of the receipt, or a search for "off", would not match.
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(files.bytes(face)));
            ttf.setEnableGsub(false);
            document.registerTrueTypeFontForClosing(ttf);
            font = PDType0Font.load(document, ttf, true);
            loaded.put(face, font);
        }
        return font;
    }

    /**
     * Emoji, their modifiers and joiners, and other pictographs: without a glyph they are
     * left out rather than shown as "?", which would read as a typo in the title.
     */
    static boolean isPictographic(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF
                || cp >= 0x2600 && cp <= 0x27BF
                || cp >= 0xFE00 && cp <= 0xFE0F
                || cp >= 0xE0000 && cp <= 0xE007F
                || cp == 0x200D || cp == 0x20E3
                || Character.getType(cp) == Character.OTHER_SYMBOL
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.PRIVATE_USE
                || Character.getType(cp) == Character.UNASSIGNED;
    }
}
