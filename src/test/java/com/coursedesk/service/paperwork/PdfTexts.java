package com.coursedesk.service.paperwork;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** PDFs read back with the library that wrote them: their text and their pages as images. */
final class PdfTexts {

    private PdfTexts() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * The text with every run of white space (line breaks where a value wrapped, the no-break
     * spaces money is written with) as one plain space, for "contains" checks.
     */
    static String flat(byte[] pdf) throws IOException {
        return text(pdf).replaceAll("[\\s\u00A0\u202F]+", " ");
    }

    /**
     * The text as other readers (pdftotext, a viewer's copy and paste) take it: each drawn
     * glyph's own Unicode, without the ligature expansion PDFTextStripper adds, so a "ff"
     * drawn as one ligature glyph reads U+FB00 here.
     */
    static String glyphText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StringBuilder raw = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(position -> raw.append(position.getUnicode()));
                    raw.append(' ');
                }
            };
            stripper.getText(document);
            return raw.toString();
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    static BufferedImage render(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi);
        }
    }

    /** The base names of the fonts a PDF's first page uses, e.g. "ABCDEF+DejaVuSans". */
    static java.util.List<String> fonts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.util.List<String> names = new java.util.ArrayList<>();
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                names.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
            }
            return names;
        }
    }
}
