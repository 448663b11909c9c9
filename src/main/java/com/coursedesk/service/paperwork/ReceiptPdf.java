package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.coursedesk.service.paperwork.PdfFonts.Weight.BOLD;
import static com.coursedesk.service.paperwork.PdfFonts.Weight.REGULAR;

/**
 * A one-page A4 receipt for a purchase, made offline from the local copy: who sold it and to
 * whom, the receipt number, the item and partner, when (in the learner's zone, named), price,
 * tax and total in the purchase's currency, the masked payment method, the channel, and the
 * status in a coloured band that says plainly when it was refunded or never charged. Labels
 * are in the learner's language; titles in any script are drawn with embedded fonts.
 */
public final class ReceiptPdf {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 56;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float RIGHT = MARGIN + WIDTH;

    private final DocumentWords words;
    private final PaperworkTexts messages;
    private final Learner learner;
    private final FontFiles fonts;

    /**
     * @param messages the learner's language
     * @param zone     the learner's time zone, in which dates are written
     */
    public ReceiptPdf(PaperworkTexts messages, ZoneId zone, Learner learner) {
        this(messages, zone, learner, new FontFiles());
    }

    ReceiptPdf(PaperworkTexts messages, ZoneId zone, Learner learner, FontFiles fonts) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.words = new DocumentWords(messages, zone);
        this.learner = Objects.requireNonNull(learner, "learner");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /** Writes the receipt to {@code file}, whole or not at all. */
    public void save(Purchase purchase, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(purchase, out));
    }

    /** Writes the receipt as a PDF to {@code out} (left open). */
    public void write(Purchase purchase, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            describe(document, purchase);
            PdfFonts pdfFonts = new PdfFonts(document, fonts);
            try (PdfCanvas canvas = new PdfCanvas(document, page, pdfFonts)) {
                draw(canvas, purchase);
            }
            document.save(out);
        }
    }

    /** The file name of a purchase's receipt: its receipt number, safe on every system. */
    public static String fileName(Purchase purchase) {
        return purchase.receiptNumber().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private void describe(PDDocument document, Purchase p) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(messages.get("paperwork.receipt.documentTitle", p.receiptNumber(), p.product().title()));
        info.setAuthor(learner.provider());
        info.setSubject(p.product().title());
        info.setCreator("CourseDesk");
        document.getDocumentCatalog().setLanguage(messages.locale().toLanguageTag());
    }

    private void draw(PdfCanvas c, Purchase p) throws IOException {
        float top = PAGE.getHeight() - MARGIN;

        // Header: who issued it, and which receipt this is.
        float titleWidth = c.width(messages.get("paperwork.receipt.title"), BOLD, 22);
        c.paragraph(MARGIN, top - 4, learner.provider(), BOLD, 16, 19, WIDTH - titleWidth - 40, Ink.TEXT);
        c.textRight(RIGHT, top - 6, messages.get("paperwork.receipt.title"), BOLD, 22, Ink.ACCENT);
        c.textRight(RIGHT, top - 24, p.receiptNumber(), REGULAR, 11, Ink.MUTED);
        float y = top - 44;
        c.rule(MARGIN, y, RIGHT, Ink.RULE, 0.8f);

        // The status, in words nobody can miss.
        y -= 34;
        c.fill(MARGIN, y, WIDTH, 24, bandInk(p.status()));
        c.text(MARGIN + 12, y + 8, band(p), BOLD, 11.5f, Ink.WHITE);

        // Billed to (left), the receipt's facts (right).
        y -= 30;
        float leftBottom = billedTo(c, y);
        float rightBottom = details(c, y, p);
        y = Math.min(leftBottom, rightBottom) - 18;

        // The item and its amounts.
        y = item(c, y, p);
        y = totals(c, y - 8, p);

        // Name and id: a printed receipt travels, and the id says exactly whose clock its times are.
        c.paragraph(MARGIN, MARGIN + 26, messages.get("paperwork.receipt.footer", words.zoneWithId()), REGULAR,
                8.5f, 11, WIDTH, Ink.MUTED);
    }

    private String band(Purchase p) {
        return switch (p.status()) {
            case PAID -> messages.get("paperwork.receipt.band.paid", words.date(p.purchasedAt()));
            case REFUNDED -> p.refundedAt() == null ? messages.get("paperwork.receipt.band.refundedUndated")
                    : messages.get("paperwork.receipt.band.refunded", words.date(p.refundedAt()));
            case PENDING -> messages.get("paperwork.receipt.band.pending");
            case FAILED -> messages.get("paperwork.receipt.band.failed");
        };
    }

    private static Ink bandInk(PurchaseStatus status) {
        return switch (status) {
            case PAID -> Ink.OK;
            case PENDING -> Ink.WARNING;
            case REFUNDED, FAILED -> Ink.DANGER;
        };
    }

    private float billedTo(PdfCanvas c, float y) throws IOException {
        float width = 180;
        c.text(MARGIN, y, messages.get("paperwork.receipt.billedTo"), BOLD, 9, Ink.MUTED);
        float next = c.paragraph(MARGIN, y - 16, learner.name(), BOLD, 11, 14, width, Ink.TEXT);
        return c.paragraph(MARGIN, next, learner.email(), REGULAR, 10, 13, width, Ink.TEXT);
    }

    private float details(PdfCanvas c, float y, Purchase p) throws IOException {
        float x = MARGIN + 196;
        float labelWidth = 96;
        float valueWidth = RIGHT - x - labelWidth;
        List<String[]> rows = new ArrayList<>();
        rows.add(row("paperwork.receipt.number", p.receiptNumber()));
        rows.add(row("paperwork.receipt.date", words.dateTimeWithZone(p.purchasedAt())));
        rows.add(row("paperwork.receipt.status", words.status(p.status())));
        if (p.refundedAt() != null) {
            rows.add(row("paperwork.receipt.refundedAt", words.dateTimeWithZone(p.refundedAt())));
        }
        // Nothing was taken for a pending or failed payment: "Paid with" would say it was.
        rows.add(row(p.wasCharged() ? "paperwork.receipt.paymentMethod" : "paperwork.receipt.paymentMethodUncharged",
                words.paymentMethod(p.paymentMethod())));
        rows.add(row("paperwork.receipt.channel", words.channel(p.channel())));
        rows.add(row("paperwork.receipt.purchaseId", p.id()));
        c.text(x, y, messages.get("paperwork.receipt.details"), BOLD, 9, Ink.MUTED);
        float line = y - 16;
        for (String[] r : rows) {
            float labelEnd = c.paragraph(x, line, r[0], REGULAR, 9.5f, 12.5f, labelWidth - 6, Ink.MUTED);
            float valueEnd = c.paragraph(x + labelWidth, line, r[1], REGULAR, 9.5f, 12.5f, valueWidth, Ink.TEXT);
            line = Math.min(labelEnd, valueEnd) - 2;
        }
        return line;
    }

    private String[] row(String labelKey, String value) {
        return new String[] {messages.get(labelKey), value};
    }

    private float item(PdfCanvas c, float y, Purchase p) throws IOException {
        float amountColumn = 130;
        c.fill(MARGIN, y - 8, WIDTH, 22, Ink.SHADE);
        c.text(MARGIN + 10, y, messages.get("paperwork.receipt.item"), BOLD, 9, Ink.MUTED);
        c.textRight(RIGHT - 10, y, messages.get("paperwork.receipt.amountColumn"), BOLD, 9, Ink.MUTED);
        float line = y - 30;
        c.textRight(RIGHT - 10, line, words.money(p.amount()), REGULAR, 11, Ink.TEXT);
        float textWidth = WIDTH - amountColumn - 20;
        line = c.paragraph(MARGIN + 10, line, p.product().title(), BOLD, 12, 15, textWidth, Ink.TEXT);
        line = c.paragraph(MARGIN + 10, line - 1, p.product().partner(), REGULAR, 10, 13, textWidth, Ink.TEXT);
        line = c.paragraph(MARGIN + 10, line - 1, messages.get("paperwork.receipt.itemKind", words.type(p.product()
                .type()), words.kind(p.kind())), REGULAR, 9, 12, textWidth, Ink.MUTED);
        c.rule(MARGIN, line + 2, RIGHT, Ink.RULE, 0.8f);
        return line - 12;
    }

    private float totals(PdfCanvas c, float y, Purchase p) throws IOException {
        float labelX = RIGHT - 250;
        float valueRight = RIGHT - 10;
        c.text(labelX, y, messages.get("paperwork.receipt.amount"), REGULAR, 10.5f, Ink.TEXT);
        c.textRight(valueRight, y, words.money(p.amount()), REGULAR, 10.5f, Ink.TEXT);
        y -= 17;
        c.text(labelX, y, messages.get("paperwork.receipt.tax"), REGULAR, 10.5f, Ink.TEXT);
        c.textRight(valueRight, y, words.money(p.tax()), REGULAR, 10.5f, Ink.TEXT);
        y -= 10;
        c.rule(labelX, y, RIGHT, Ink.RULE, 0.8f);
        y -= 18;
        c.text(labelX, y, messages.get("paperwork.receipt.total"), BOLD, 13, Ink.TEXT);
        c.textRight(valueRight, y, words.money(p.total()), BOLD, 13, Ink.TEXT);
        y -= 17;
        String code = p.total().currency().getCurrencyCode();
        c.text(labelX, y, messages.get("paperwork.receipt.currency"), REGULAR, 9.5f, Ink.MUTED);
        c.textRight(valueRight, y, messages.get("paperwork.receipt.currencyValue", code,
                p.total().currency().getDisplayName(messages.locale())), REGULAR, 9.5f, Ink.MUTED);
        return y - 16;
    }
}
