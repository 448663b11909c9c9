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
