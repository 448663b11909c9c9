package com.coursedesk.service.paperwork;

import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;

/**
 * Renders the README's example receipt page (a program, not a test):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.coursedesk.service.paperwork.ReceiptExample
 * -Dexec.args="resources/screenshots/receipt-example.png"}.
 */
public final class ReceiptExample {

    static final float DPI = 110;

    private ReceiptExample() {
    }

    /** The example: a year of Coursera Plus, paid by card, for a learner in London. */
    static Purchase example() {
        return purchase("pur_7Q2M9XK4").title("Coursera Plus").partner("Coursera").type(ProductType.PLUS)
                .kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(31900, "GBP")
                .purchasedAt(Instant.parse("2026-04-21T08:42:00Z")).receipt("R-2026-000187").build();
    }

    static BufferedImage render() throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new ReceiptPdf(PaperworkTexts.load(Locale.UK), ZoneId.of("Europe/London"),
                new Learner("acc_ada", "Ada Lovelace", "ada@example.com", "Demo (built-in sandbox)"))
                .write(example(), pdf);
        return PdfTexts.render(pdf.toByteArray(), DPI);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "resources/screenshots/receipt-example.png");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        ImageIO.write(render(), "png", out.toFile());
        System.out.println("Wrote " + out.toAbsolutePath());
    }
}
