package com.coursedesk.service.paperwork;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawing on one page in points from the bottom-left corner, with text in the document's
 * font chain ({@link PdfFonts}) and wrapped to a width. The documents are laid out from the
 * top down by the callers.
 */
final class PdfCanvas implements Closeable {

    private final PdfFonts fonts;
    private final PDPageContentStream content;

    PdfCanvas(PDDocument document, PDPage page, PdfFonts fonts) throws IOException {
        this.fonts = fonts;
        this.content = new PDPageContentStream(document, page);
    }

    /** Draws {@code text} on one line starting at {@code x}; returns its width. */
    float text(float x, float baseline, String text, PdfFonts.Weight weight, float size, Ink ink) throws IOException {
        float cursor = x;
        content.setNonStrokingColor(ink.red(), ink.green(), ink.blue());
        for (PdfFonts.Run run : fonts.runs(text, weight)) {
            content.beginText();
            content.setFont(run.font(), size);
            content.newLineAtOffset(cursor, baseline);
            content.showText(run.text());
            content.endText();
            cursor += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return cursor - x;
    }

    /** Draws {@code text} on one line ending at {@code right}. */
    void textRight(float right, float baseline, String text, PdfFonts.Weight weight, float size, Ink ink)
            throws IOException {
        text(right - width(text, weight, size), baseline, text, weight, size, ink);
    }

    float width(String text, PdfFonts.Weight weight, float size) throws IOException {
        return fonts.width(text, weight, size);
    }

    /**
     * Draws {@code text} wrapped to {@code maxWidth}, first baseline at {@code baseline}; returns
     * the baseline below the last line.
     */
    float paragraph(float x, float baseline, String text, PdfFonts.Weight weight, float size, float leading,
                    float maxWidth, Ink ink) throws IOException {
        float y = baseline;
        for (String line : wrap(text, weight, size, maxWidth)) {
            text(x, y, line, weight, size, ink);
            y -= leading;
        }
        return y;
    }

    /**
     * {@code text} in lines no wider than {@code maxWidth}: broken at spaces, and inside a word
     * only when the word alone is too wide (CJK titles have no spaces).
     */
    List<String> wrap(String text, PdfFonts.Weight weight, float size, float maxWidth) throws IOException {
        String drawable = fonts.drawable(text, weight);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : drawable.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fonts.width(candidate, weight, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // The word alone: split it where it overflows.
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                i += Character.charCount(cp);
                String longer = line.toString() + Character.toString(cp);
                if (line.length() > 0 && fonts.width(longer, weight, size) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void fill(float x, float y, float width, float height, Ink ink) throws IOException {
        content.setNonStrokingColor(ink.red(), ink.green(), ink.blue());
        content.addRect(x, y, width, height);
        content.fill();
    }

    void rule(float x1, float y, float x2, Ink ink, float thickness) throws IOException {
        content.setStrokingColor(ink.red(), ink.green(), ink.blue());
        content.setLineWidth(thickness);
        content.moveTo(x1, y);
        content.lineTo(x2, y);
        content.stroke();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
