package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receipts read back with PDFBox's own text extraction: every field, in any script, in two languages. */
class ReceiptPdfTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Learner ADA = new Learner("acc_ada", "Ada Lovelace", "ada@example.com", "Demo (built-in sandbox)");

    static byte[] receipt(Purchase purchase, Locale locale, ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReceiptPdf(PaperworkTexts.load(locale), zone, ADA).write(purchase, out);
        return out.toByteArray();
    }

    @Test
    void aPaidReceiptHoldsEveryField() throws IOException {
        Purchase p = purchase("pur_0042").title("Introduction to Psychology").partner("Yale University")
                .price(3900, "GBP").purchasedAt(Instant.parse("2026-05-09T12:05:00Z")).receipt("R-2026-000042")
                .build();

        byte[] pdf = receipt(p, Locale.UK, LONDON);
        String text = PdfTexts.flat(pdf);

        assertThat(PdfTexts.pages(pdf)).isEqualTo(1);
        assertThat(text).contains("Receipt", "R-2026-000042", "Demo (built-in sandbox)")
                .contains("Ada Lovelace", "ada@example.com")
                .contains("Introduction to Psychology", "Yale University", "Course · One-off purchase")
                .contains("Price before tax", "£32.50", "Tax", "£6.50", "Total", "£39.00")
                .contains("Currency", "GBP (British Pound)")
                .contains("Paid with", "Visa •••• 4242")
                .contains("Status", "Paid", "PAID on 9 May 2026")
                .contains("Bought in", "Web")
                .contains("Purchase ID", "pur_0042")
                // 12:05 UTC is 13:05 in London in May, and the zone is named as people know it;
                // the footer adds its id, once, for a page read far from the learner's clock.
                .contains("9 May 2026, 13:05 (British Time)")
                .contains("Times are in British Time (Europe/London).");
        assertThat(PdfTexts.fonts(pdf)).allSatisfy(font -> assertThat(font).contains("+DejaVuSans")
                .doesNotContain("not embedded"));
    }

    @Test
    void copiedTextHasPlainLettersNotLigaturesSoAnIdPastesBackWhole() throws IOException {
        Purchase p = purchase("pur_77yyffs7ewdo49ev").title("Staffing and Workflow").partner("Fifth Avenue School")
                .type(ProductType.PROFESSIONAL_CERTIFICATE).build();

        String copied = PdfTexts.glyphText(receipt(p, Locale.UK, LONDON));

        assertThat(copied).contains("pur_77yyffs7ewdo49ev", "Staffing and Workflow", "Fifth Avenue School",
                        "One-off purchase", "Professional Certificate")
                .doesNotContain("\uFB00", "\uFB01", "\uFB02", "\uFB03", "\uFB04");
    }

    @Test
    void aRefundedReceiptSaysSoPlainlyAndAStoreOneNamesTheStore() throws IOException {
        Purchase p = purchase("pur_fm").title("Financial Markets").price(3900, "GBP")
                .status(PurchaseStatus.REFUNDED).purchasedAt(Instant.parse("2026-04-29T09:00:00Z"))
                .refundedAt(Instant.parse("2026-05-03T10:00:00Z")).channel(Channel.APP_STORE).build();

        String text = PdfTexts.flat(receipt(p, Locale.UK, LONDON));

        assertThat(text).contains("REFUNDED on 3 May 2026", "Refunded on", "3 May 2026, 11:00 (British Time)")
                .contains("Refunded").contains("App Store").doesNotContain("PAID on");
    }

    @Test
    void pendingAndFailedPaymentsSayNothingWasCharged() throws IOException {
        assertThat(PdfTexts.flat(receipt(purchase("p1").status(PurchaseStatus.PENDING).build(), Locale.UK, LONDON)))
                .contains("PAYMENT PENDING: nothing has been charged yet", "Payment method")
                .doesNotContain("Paid with");
        assertThat(PdfTexts.flat(receipt(purchase("p2").status(PurchaseStatus.FAILED).build(), Locale.UK, LONDON)))
                .contains("PAYMENT FAILED: nothing was charged", "Payment method")
                .doesNotContain("Paid with");
    }

    @Test
    void aJapaneseTitleIsDrawnWithTheCjkFontAndExtractsBack() throws IOException {
        Purchase p = purchase("pur_jp").title("機械学習入門").partner("東京大学").price(4900, "JPY")
                .kind(PurchaseKind.SUBSCRIPTION_PAYMENT).purchasedAt(Instant.parse("2026-05-01T03:00:00Z")).build();

        byte[] pdf = receipt(p, Locale.UK, ZoneId.of("Asia/Tokyo"));
        String text = PdfTexts.flat(pdf);

        assertThat(text).contains("機械学習入門", "東京大学")
                // No minor unit for yen: 4,900, not 4,900.00.
                .contains("JP¥4,900").doesNotContain("4,900.00")
                .contains("1 May 2026, 12:00 (Japan Time)", "Subscription payment");
        assertThat(PdfTexts.fonts(pdf)).anyMatch(font -> font.contains("+DroidSansFallback"));
    }

    @Test
    void anEmojiTitleRendersAndTheRestOfTheTitleIsIntact() throws IOException {
        Purchase p = purchase("pur_joy").title("The Science of Well-Being 😊").partner("Yale University")
                .price(4900, "USD").paymentMethod(new PaymentMethod.PayPal("a***@example.com")).build();

        byte[] pdf = receipt(p, Locale.UK, LONDON);

        assertThat(PdfTexts.flat(pdf)).contains("The Science of Well-Being", "US$49.00", "PayPal a***@example.com");
        BufferedImage page = PdfTexts.render(pdf, 72);
        assertThat(page.getWidth()).isEqualTo(595);
    }

    @Test
    void aCharacterNoFontHasIsLeftOutCleanlyNeverAsABox() throws IOException {
        // U+1F979 (face holding back tears) is newer than both fonts; U+0D85 (Sinhala) is in neither.
        Purchase p = purchase("pur_new").title("Deep Work 🥹 Notes \u0D85 Edition").build();

        String text = PdfTexts.flat(receipt(p, Locale.UK, LONDON));

        assertThat(text).contains("Deep Work Notes ? Edition").doesNotContain("🥹");
    }

    @Test
    void labelsAndDatesFollowTheLearnersLanguage() throws IOException {
        Purchase p = purchase("pur_es").title("Aprendizaje Automático").partner("Universidad de los Andes")
                .type(ProductType.SPECIALIZATION).price(4500, "EUR").purchasedAt(Instant.parse("2026-05-09T12:05:00Z"))
                .build();

        String text = PdfTexts.flat(receipt(p, Locale.forLanguageTag("es-ES"), ZoneId.of("Europe/Madrid")));

        assertThat(text).contains("Recibo", "Aprendizaje Automático", "Especialización · Compra única")
                .contains("Precio sin impuestos", "Impuestos", "Total", "45,00 €")
                .contains("PAGADO el 9 de mayo de 2026", "Pagado con", "Comprado en")
                .contains("9 de mayo de 2026 14:05 (hora de Europa central)")
                .contains("Las horas se expresan en hora de Europa central (Europe/Madrid).");
    }

    @Test
    void aLearnerOnUtcReadsUtcNotAnId() throws IOException {
        Purchase p = purchase("pur_utc").purchasedAt(Instant.parse("2026-05-09T12:05:00Z")).build();

        String english = PdfTexts.flat(receipt(p, Locale.UK, ZoneId.of("Etc/UTC")));
        String spanish = PdfTexts.flat(receipt(p, Locale.forLanguageTag("es-ES"), ZoneId.of("Etc/UTC")));

        assertThat(english).contains("9 May 2026, 12:05 (UTC)", "Times are in UTC.").doesNotContain("Etc/");
        assertThat(spanish).contains("(UTC)", "Las horas se expresan en UTC.").doesNotContain("Etc/");
    }

    @Test
    void savingReplacesTheFileWholeAndLeavesNothingBehindOnFailure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("receipt.pdf");
        Files.writeString(file, "old");
        ReceiptPdf receipts = new ReceiptPdf(PaperworkTexts.load(Locale.UK), LONDON, ADA);

        receipts.save(purchase("p1").build(), file);

        assertThat(Files.readAllBytes(file)).startsWith("%PDF-".getBytes());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        Path inMissingFolder = dir.resolve("receipt.pdf").resolve("below-a-file.pdf");
        assertThatThrownBy(() -> receipts.save(purchase("p1").build(), inMissingFolder)).isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void receiptFileNamesAreSafe() {
        assertThat(ReceiptPdf.fileName(purchase("p1").receipt("R-2026/000 1").build())).isEqualTo("R-2026_000_1.pdf");
    }
}
