package com.coursedesk.service.purchases;

import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseCsvExporterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerPurchaseInOrderWithQuotingAmountsAndNonAsciiTitles() throws IOException {
        List<Purchase> purchases = List.of(
                purchase("p1").title("Data, \"Science\"\nPart 2").partner("Yale, University").price(3900, "GBP")
                        .purchasedAt(Instant.parse("2026-05-05T23:30:00Z")).webWindow(14).build(),
                purchase("p2").title("機械学習入門").partner("東京大学").price(4900, "JPY")
                        .purchasedAt(Instant.parse("2026-01-10T09:00:00Z")).build(),
                purchase("p3").title("Finanzas personales: ¿cómo ahorrar? 😊").partner("UNAM").price(2900, "EUR")
                        .status(PurchaseStatus.REFUNDED).purchasedAt(Instant.parse("2025-02-01T10:00:00Z"))
                        .refundedAt(Instant.parse("2025-02-03T10:00:00Z"))
                        .paymentMethod(new PaymentMethod.PayPal("a***@example.com")).build());
        Path file = dir.resolve("purchases.csv");

        int written = new PurchaseCsvExporter(LONDON).export(purchases, file);

        assertThat(written).isEqualTo(3);
        List<CSVRecord> rows = PurchaseFixtures.readCsv(file);
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("purchase_id")).containsExactly("p1", "p2", "p3");

        CSVRecord first = rows.get(0);
        assertThat(first.get("title")).isEqualTo("Data, \"Science\"\nPart 2");
        assertThat(first.get("partner")).isEqualTo("Yale, University");
        // 23:30 UTC on 5 May is 00:30 on 6 May in London (BST).
        assertThat(first.get("date")).isEqualTo("2026-05-06");
        assertThat(first.get("purchased_at")).isEqualTo("2026-05-06T00:30:00+01:00");
        assertThat(first.get("refundable_until")).isEqualTo("2026-05-20T00:30:00+01:00");
        assertThat(first.get("refunded_at")).isEmpty();
        assertThat(first.get("currency")).isEqualTo("GBP");
        assertThat(first.get("amount")).isEqualTo("32.50");
        assertThat(first.get("tax")).isEqualTo("6.50");
        assertThat(first.get("total")).isEqualTo("39.00");
        assertThat(first.get("status")).isEqualTo("paid");
        assertThat(first.get("channel")).isEqualTo("web");
        assertThat(first.get("type")).isEqualTo("course");
        assertThat(first.get("kind")).isEqualTo("one_time");
        assertThat(first.get("receipt_number")).isEqualTo("R-2026-P1");
        assertThat(first.get("payment_method")).isEqualTo("visa •••• 4242");

        CSVRecord yen = rows.get(1);
        assertThat(yen.get("title")).isEqualTo("機械学習入門");
        assertThat(yen.get("partner")).isEqualTo("東京大学");
        assertThat(yen.get("currency")).isEqualTo("JPY");
        assertThat(yen.get("total")).isEqualTo("4900");
        assertThat(yen.get("purchased_at")).isEqualTo("2026-01-10T09:00:00Z");

        CSVRecord refunded = rows.get(2);
        assertThat(refunded.get("title")).isEqualTo("Finanzas personales: ¿cómo ahorrar? 😊");
        assertThat(refunded.get("status")).isEqualTo("refunded");
        assertThat(refunded.get("refunded_at")).isEqualTo("2025-02-03T10:00:00Z");
        assertThat(refunded.get("total")).isEqualTo("29.00");
        assertThat(refunded.get("payment_method")).isEqualTo("paypal a***@example.com");
    }

    @Test
    void anEmptyListIsAHeaderOnly() throws IOException {
        Path file = dir.resolve("empty.csv");
        assertThat(new PurchaseCsvExporter(LONDON).export(List.of(), file)).isZero();
        assertThat(PurchaseFixtures.readCsv(file)).isEmpty();
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("purchases.csv");
        Files.writeString(file, "old content that is much longer than nothing at all");
        new PurchaseCsvExporter(LONDON).export(List.of(purchase("x").build()), file);
        assertThat(PurchaseFixtures.readCsv(file)).hasSize(1);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("purchases.csv");
        }
    }

    @Test
    void anUnwritableFolderFailsWithoutAFile() {
        Path file = dir.resolve("missing-folder").resolve("purchases.csv");
        assertThatThrownBy(() -> new PurchaseCsvExporter(LONDON).export(List.of(purchase("x").build()), file))
                .isInstanceOf(IOException.class);
        assertThat(file).doesNotExist();
    }
}
