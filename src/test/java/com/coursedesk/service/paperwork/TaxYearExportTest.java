package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.purchases.PurchaseCsvExporter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The tax-year ZIP: exactly the year's purchases, with the year's edges at midnight where the
 * learner lives (a calendar year and a fiscal one), a CSV that reads back to the same amounts,
 * one receipt each, and totals per currency that never mix currencies.
 */
class TaxYearExportTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    /** Purchases one second either side of each edge of {@code year} in {@code zone}, plus one inside. */
    static List<Purchase> aroundTheEdges(TaxYear year, ZoneId zone) {
        LocalDateTime start = year.firstDay().atStartOfDay();
        LocalDateTime end = year.lastDay().plusDays(1).atStartOfDay();
        return List.of(
                purchase("before").price(3900, "GBP").purchasedAt(start.minusSeconds(1).atZone(zone).toInstant())
                        .receipt("R-1-BEFORE").build(),
                purchase("first").price(3900, "GBP").purchasedAt(start.atZone(zone).toInstant())
                        .receipt("R-1-FIRST").build(),
                purchase("middle").price(4900, "USD").purchasedAt(start.plusMonths(6).plusHours(12).atZone(zone)
                        .toInstant()).receipt("R-1-MIDDLE").build(),
                purchase("last").price(999, "GBP").purchasedAt(end.minusSeconds(1).atZone(zone).toInstant())
                        .receipt("R-1-LAST").build(),
                purchase("after").price(3900, "GBP").purchasedAt(end.atZone(zone).toInstant())
                        .receipt("R-1-AFTER").build());
    }

    private TaxYearSummary export(TaxYear year, ZoneId zone, List<Purchase> purchases, Path zip) throws IOException {
        return new TaxYearExport(PaperworkTexts.load(Locale.UK), zone, ReceiptPdfTest.ADA)
                .export(year, purchases, zip, (done, total) -> { });
    }

    @Test
    void aCalendarYearInLondonStartsAndEndsAtMidnightThere() throws IOException {
        TaxYear year = TaxYear.calendar(2025);
        Path zip = dir.resolve("2025.zip");

        export(year, LONDON, aroundTheEdges(year, LONDON), zip);

        Zip read = Zip.read(zip);
        assertThat(ids(read.csv(TaxYearExport.PURCHASES_CSV))).containsExactly("first", "middle", "last");
        assertThat(read.names()).containsExactlyInAnyOrder(TaxYearExport.PURCHASES_CSV, TaxYearExport.TOTALS_CSV,
                TaxYearExport.SUMMARY, "receipts/R-1-FIRST.pdf", "receipts/R-1-MIDDLE.pdf", "receipts/R-1-LAST.pdf");
    }

    @Test
    void aCalendarYearInTokyoStartsAtMidnightInTokyoWhichIsTheDayBeforeInUtc() throws IOException {
        TaxYear year = TaxYear.calendar(2025);
        List<Purchase> purchases = aroundTheEdges(year, TOKYO);
        // 00:00:00 on 1 January in Tokyo is still 31 December 2024 in UTC (and in London).
        assertThat(purchases.get(1).purchasedAt()).isEqualTo(Instant.parse("2024-12-31T15:00:00Z"));
        Path zip = dir.resolve("2025-tokyo.zip");

        export(year, TOKYO, purchases, zip);

        assertThat(ids(Zip.read(zip).csv(TaxYearExport.PURCHASES_CSV))).containsExactly("first", "middle", "last");
        // The same purchases counted in London fall in other years.
        assertThat(new TaxYearExport(PaperworkTexts.load(Locale.UK), LONDON, ReceiptPdfTest.ADA)
                .purchasesOf(year, purchases)).extracting(Purchase::id).containsExactly("middle", "last", "after");
    }

    @Test
    void aFiscalYearFromAprilRunsFromTheFirstOfAprilToTheThirtyFirstOfMarch() throws IOException {
        TaxYear year = TaxYear.starting(2025, 4);
        assertThat(year.from(LONDON)).isEqualTo(local("2025-04-01T00:00:00", LONDON));
        assertThat(year.lastDay()).isEqualTo(java.time.LocalDate.of(2026, Month.MARCH, 31));
        assertThat(year.label()).isEqualTo("2025-26");
        List<Purchase> purchases = new ArrayList<>(aroundTheEdges(year, LONDON));
        // In the calendar year 2025 but before this fiscal year began.
        purchases.add(purchase("january").price(3900, "GBP").purchasedAt(local("2025-01-15T10:00:00", LONDON))
                .receipt("R-1-JANUARY").build());
        Path zip = dir.resolve("2025-26.zip");

        export(year, LONDON, purchases, zip);

        assertThat(ids(Zip.read(zip).csv(TaxYearExport.PURCHASES_CSV))).containsExactly("first", "middle", "last");
    }

    @Test
    void theCsvReadsBackToTheSameAmountsAndEveryPurchaseHasItsReceipt() throws IOException {
        TaxYear year = TaxYear.calendar(2026);
        List<Purchase> purchases = List.of(
                purchase("gbp").title("Introduction to Psychology, \"Part 1\"").price(3900, "GBP")
                        .purchasedAt(local("2026-02-01T10:00:00", LONDON)).receipt("R-2026-000001").build(),
                purchase("jpy").title("機械学習入門").partner("東京大学").price(4900, "JPY")
                        .purchasedAt(local("2026-03-01T10:00:00", LONDON)).receipt("R-2026-000002").build(),
                purchase("eur").title("Aprendizaje Automático").price(4500, "EUR")
                        .purchasedAt(local("2026-04-01T10:00:00", LONDON)).receipt("R-2026-000003").build());
        Path zip = dir.resolve("2026.zip");

        export(year, LONDON, purchases, zip);

        Zip read = Zip.read(zip);
        List<CSVRecord> rows = read.csv(TaxYearExport.PURCHASES_CSV);
        assertThat(rows).hasSize(3);
        for (int i = 0; i < purchases.size(); i++) {
            Purchase p = purchases.get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("purchase_id")).isEqualTo(p.id());
            assertThat(row.get("title")).isEqualTo(p.product().title());
            assertThat(row.get("currency")).isEqualTo(p.total().currency().getCurrencyCode());
            assertThat(new java.math.BigDecimal(row.get("amount"))).isEqualTo(p.amount().toDecimal());
            assertThat(new java.math.BigDecimal(row.get("tax"))).isEqualTo(p.tax().toDecimal());
            assertThat(new java.math.BigDecimal(row.get("total"))).isEqualTo(p.total().toDecimal());
            String receipt = PdfTexts.flat(read.bytes("receipts/" + p.receiptNumber() + ".pdf"));
            assertThat(receipt).contains(p.receiptNumber(), p.product().title());
        }
        assertThat(rows.get(1).get("total")).as("yen have no minor unit").isEqualTo("4900");
    }

    @Test
    void totalsArePerCurrencyWithRefundsApartAndUnchargedPaymentsLeftOut() throws IOException {
        TaxYear year = TaxYear.calendar(2026);
        Instant day = local("2026-03-01T10:00:00", LONDON);
        List<Purchase> purchases = List.of(
                purchase("g1").price(3900, "GBP").purchasedAt(day).receipt("R-G1").build(),
                purchase("g2").price(999, "GBP").purchasedAt(day.plusSeconds(60)).receipt("R-G2").build(),
                purchase("g3").price(3900, "GBP").status(PurchaseStatus.REFUNDED).purchasedAt(day.plusSeconds(120))
                        .refundedAt(day.plusSeconds(86_400)).receipt("R-G3").build(),
                purchase("g4").price(2900, "GBP").status(PurchaseStatus.FAILED).purchasedAt(day.plusSeconds(180))
                        .receipt("R-G4").build(),
                purchase("u1").price(4900, "USD").purchasedAt(day.plusSeconds(240)).receipt("R-U1").build(),
                purchase("j1").price(4900, "JPY").purchasedAt(day.plusSeconds(300)).receipt("R-J1").build());
        Path zip = dir.resolve("totals.zip");

        TaxYearSummary summary = export(year, LONDON, purchases, zip);

        assertThat(summary.purchases()).isEqualTo(6);
        assertThat(summary.paid()).isEqualTo(4);
        assertThat(summary.refunded()).isEqualTo(1);
        assertThat(summary.notCharged()).isEqualTo(1);
        Map<String, CSVRecord> totals = Zip.read(zip).csv(TaxYearExport.TOTALS_CSV).stream()
                .collect(Collectors.toMap(r -> r.get("currency"), r -> r, (a, b) -> a, LinkedHashMap::new));
        assertThat(totals.keySet()).containsExactly("GBP", "JPY", "USD");
        CSVRecord gbp = totals.get("GBP");
        assertThat(gbp.get("paid_purchases")).isEqualTo("2");
        assertThat(gbp.get("total")).isEqualTo("48.99");
        assertThat(new java.math.BigDecimal(gbp.get("amount")).add(new java.math.BigDecimal(gbp.get("tax"))))
                .isEqualByComparingTo("48.99");
        assertThat(gbp.get("refunded_purchases")).isEqualTo("1");
        assertThat(gbp.get("refunded_total")).isEqualTo("39.00");
        assertThat(totals.get("USD").get("total")).isEqualTo("49.00");
        assertThat(totals.get("JPY").get("total")).isEqualTo("4900");
        assertThat(summary.totals()).extracting(CurrencyTotal::total)
                .containsExactly(Money.of(4899, "GBP"), Money.of(4900, "JPY"), Money.of(4900, "USD"));

        String text = Zip.read(zip).text(TaxYearExport.SUMMARY);
        assertThat(text).contains("6 purchases: 4 paid, 1 refunded, 1 not charged")
                .contains("GBP: £48.99 paid in 2 purchases", "USD: US$49.00 paid in 1 purchase",
                        "JPY: JP¥4,900 paid in 1 purchase", "GBP: £39.00 refunded (1 purchase)")
                .contains("1 January 2026 to 31 December 2026")
                // An accountant may read it anywhere: the zone by name and, exactly, by id.
                .contains("; days counted in British Time (Europe/London)");
    }

    @Test
    void aCancelledExportLeavesTheOldFileAndNothingElse() throws IOException {
        TaxYear year = TaxYear.calendar(2025);
        Path zip = dir.resolve("2025.zip");
        Files.writeString(zip, "an older export");
        TaxYearExport export = new TaxYearExport(PaperworkTexts.load(Locale.UK), LONDON, ReceiptPdfTest.ADA);

        try {
            assertThatThrownBy(() -> export.export(year, aroundTheEdges(year, LONDON), zip, (done, total) -> {
                if (done == 1) {
                    // The learner pressed Cancel after the first receipt.
                    Thread.currentThread().interrupt();
                }
            })).isInstanceOf(IOException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(Files.readString(zip)).isEqualTo("an older export");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(zip);
        }
    }

    @Test
    void anEmptyYearStillExportsAndSaysSo() throws IOException {
        Path zip = dir.resolve("empty.zip");

        TaxYearSummary summary = export(TaxYear.calendar(2019), LONDON, aroundTheEdges(TaxYear.calendar(2025), LONDON),
                zip);

        assertThat(summary.purchases()).isZero();
        Zip read = Zip.read(zip);
        assertThat(read.csv(TaxYearExport.PURCHASES_CSV)).isEmpty();
        assertThat(read.csv(TaxYearExport.TOTALS_CSV)).isEmpty();
        assertThat(read.text(TaxYearExport.SUMMARY)).contains("No purchases", "Nothing was paid or refunded");
    }

    private static List<String> ids(List<CSVRecord> rows) {
        return rows.stream().map(r -> r.get("purchase_id")).toList();
    }

    /** A ZIP read back whole. */
    record Zip(Map<String, byte[]> entries) {

        static Zip read(Path file) throws IOException {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (entries.put(entry.getName(), in.readAllBytes()) != null) {
                        fail("two entries named " + entry.getName());
                    }
                }
            }
            return new Zip(entries);
        }

        List<String> names() {
            return List.copyOf(entries.keySet());
        }

        byte[] bytes(String name) {
            assertThat(entries).containsKey(name);
            return entries.get(name);
        }

        String text(String name) {
            return new String(bytes(name), StandardCharsets.UTF_8);
        }

        /** A CSV entry parsed as a spreadsheet would: byte order mark dropped, header row read. */
        List<CSVRecord> csv(String name) throws IOException {
            String text = text(name);
            assertThat(text).startsWith("\uFEFF");
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text.substring(1)))) {
                assertThat(parser.getHeaderNames()).isEqualTo(name.equals(TaxYearExport.TOTALS_CSV)
                        ? TaxYearExport.TOTALS_HEADER : PurchaseCsvExporter.HEADER);
                return parser.getRecords();
            }
        }
    }
}
