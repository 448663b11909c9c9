package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.purchases.PurchaseCsvExporter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One ZIP for a tax year: {@code purchases.csv} (every purchase of the year, one row each, in
 * the purchase-history export's format), {@code totals.csv} and {@code summary.txt} (per
 * currency, never summed across currencies), and {@code receipts/<receipt number>.pdf}, one
 * receipt per purchase. The ZIP appears whole or not at all.
 */
public final class TaxYearExport {

    /** Receives the export's progress: receipts made so far of all. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    public static final String PURCHASES_CSV = "purchases.csv";
    public static final String TOTALS_CSV = "totals.csv";
    public static final String SUMMARY = "summary.txt";
    public static final String RECEIPTS = "receipts/";
    /** The totals file's header row (fixed identifiers, not translated). */
    public static final List<String> TOTALS_HEADER = List.of("currency", "paid_purchases", "amount", "tax", "total",
            "refunded_purchases", "refunded_total");

    private static final Logger LOG = LoggerFactory.getLogger(TaxYearExport.class);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final PaperworkTexts messages;
    private final DocumentWords words;
    private final ZoneId zone;
    private final Learner learner;
    private final ReceiptPdf receipts;

    public TaxYearExport(PaperworkTexts messages, ZoneId zone, Learner learner) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.words = new DocumentWords(messages, zone);
        this.receipts = new ReceiptPdf(messages, zone, learner);
    }

    /** The purchases of {@code year} among {@code purchases}, oldest first. */
    public List<Purchase> purchasesOf(TaxYear year, List<Purchase> purchases) {
        return purchases.stream()
                .filter(p -> year.contains(p.purchasedAt(), zone))
                .sorted(Comparator.comparing(Purchase::purchasedAt).thenComparing(Purchase::id))
                .toList();
    }

    /**
     * Writes the ZIP of {@code year} to {@code zip}, from {@code purchases} (any superset of the
     * year's: those outside it are left out).
     *
     * @throws InterruptedIOException when the thread is interrupted (the export was cancelled);
     *                                nothing is left behind
     */
    public TaxYearSummary export(TaxYear year, List<Purchase> purchases, Path zip, Progress progress)
            throws IOException {
        List<Purchase> inYear = purchasesOf(year, purchases);
        TaxYearSummary summary = summarise(year, inYear);
        Path target = zip.toAbsolutePath();
        Path csv = Files.createTempFile(target.getParent(), ".purchases-", ".csv");
        try {
            new PurchaseCsvExporter(zone).export(inYear, csv);
            AtomicFiles.write(target, out -> {
                try (ZipOutputStream zipOut = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                    zipOut.putNextEntry(new ZipEntry(PURCHASES_CSV));
                    Files.copy(csv, zipOut);
                    zipOut.closeEntry();
                    zipOut.putNextEntry(new ZipEntry(TOTALS_CSV));
                    writeTotals(summary, zipOut);
                    zipOut.closeEntry();
                    zipOut.putNextEntry(new ZipEntry(SUMMARY));
                    Writer text = new OutputStreamWriter(zipOut, StandardCharsets.UTF_8);
                    text.write(summaryText(summary));
                    text.flush();
                    zipOut.closeEntry();
                    writeReceipts(inYear, zipOut, progress);
                    zipOut.finish();
                }
            });
        } finally {
            Files.deleteIfExists(csv);
        }
        LOG.info("Exported tax year {} ({} purchases) to {}", year.label(), inYear.size(), target);
        return summary;
    }

    private void writeReceipts(List<Purchase> inYear, ZipOutputStream zipOut, Progress progress) throws IOException {
        Set<String> names = new HashSet<>();
        int done = 0;
        progress.update(0, inYear.size());
        for (Purchase p : inYear) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Tax-year export cancelled");
            }
            String name = ReceiptPdf.fileName(p);
            if (!names.add(name)) {
                // Two purchases with one receipt number: neither receipt may overwrite the other.
                name = name.substring(0, name.length() - ".pdf".length()) + "_"
                        + p.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
                names.add(name);
            }
            zipOut.putNextEntry(new ZipEntry(RECEIPTS + name));
            receipts.write(p, new NonClosing(zipOut));
            zipOut.closeEntry();
            progress.update(++done, inYear.size());
        }
    }

    /** Per-currency sums of {@code purchases}; paid and refunded apart, pending and failed left out. */
    public static TaxYearSummary summarise(TaxYear year, List<Purchase> purchases) {
        Map<String, long[]> sums = new TreeMap<>();
        int paid = 0;
        int refunded = 0;
        int notCharged = 0;
        for (Purchase p : purchases) {
            String code = p.total().currency().getCurrencyCode();
            // paid count, amount, tax, total, refunded count, refunded total
            long[] s = sums.computeIfAbsent(code, c -> new long[6]);
            if (p.status() == PurchaseStatus.PAID) {
                paid++;
                s[0]++;
                s[1] = Math.addExact(s[1], sameCurrency(p.amount(), p));
                s[2] = Math.addExact(s[2], sameCurrency(p.tax(), p));
                s[3] = Math.addExact(s[3], p.total().amountMinor());
            } else if (p.status() == PurchaseStatus.REFUNDED) {
                refunded++;
                s[4]++;
                s[5] = Math.addExact(s[5], p.total().amountMinor());
            } else {
                notCharged++;
            }
        }
        List<CurrencyTotal> totals = new ArrayList<>();
        sums.forEach((code, s) -> {
            if (s[0] > 0 || s[4] > 0) {
                Currency currency = Currency.getInstance(code);
                totals.add(new CurrencyTotal(currency, (int) s[0], new Money(s[1], currency),
                        new Money(s[2], currency), new Money(s[3], currency), (int) s[4], new Money(s[5], currency)));
            }
        });
        return new TaxYearSummary(year, purchases.size(), paid, refunded, notCharged, totals);
    }

    private static long sameCurrency(Money part, Purchase p) {
        if (!part.currency().equals(p.total().currency())) {
            throw new IllegalArgumentException("Purchase " + p.id() + " mixes currencies: " + part + " of "
                    + p.total());
        }
        return part.amountMinor();
    }

    private static void writeTotals(TaxYearSummary summary, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(TOTALS_HEADER.toArray(String[]::new)).get());
        for (CurrencyTotal t : summary.totals()) {
            printer.printRecord(t.currency().getCurrencyCode(), t.paidCount(), plain(t.amount()), plain(t.tax()),
                    plain(t.total()), t.refundedCount(), plain(t.refunded()));
        }
        printer.flush();
    }

    private static String plain(Money money) {
        return money.toDecimal().toPlainString();
    }

    /** The summary.txt of the ZIP, in the learner's language. */
    String summaryText(TaxYearSummary summary) {
        String nl = System.lineSeparator();
        TaxYear year = summary.year();
        StringBuilder text = new StringBuilder();
        text.append(messages.get("paperwork.export.summary.heading", year.label(),
                // Name and id: summary.txt goes to an accountant, and the id says exactly where days began.
                words.date(year.firstDay()), words.date(year.lastDay()), words.zoneWithId())).append(nl);
        text.append(messages.get("paperwork.export.summary.account", learner.name(), learner.email(),
                learner.provider())).append(nl).append(nl);
        text.append(messages.get("paperwork.export.summary.counts", summary.purchases(), summary.paid(),
                summary.refunded(), summary.notCharged())).append(nl).append(nl);
        if (summary.totals().isEmpty()) {
            text.append(messages.get("paperwork.export.summary.nothing")).append(nl);
        } else {
            text.append(messages.get("paperwork.export.summary.perCurrency")).append(nl);
            for (CurrencyTotal t : summary.totals()) {
                text.append("  ").append(messages.get("paperwork.export.summary.paidLine",
                        t.currency().getCurrencyCode(), words.money(t.total()), t.paidCount(), words.money(t.amount()),
                        words.money(t.tax()))).append(nl);
                if (t.refundedCount() > 0) {
                    text.append("  ").append(messages.get("paperwork.export.summary.refundedLine",
                            t.currency().getCurrencyCode(), words.money(t.refunded()), t.refundedCount())).append(nl);
                }
            }
        }
        text.append(nl).append(messages.get("paperwork.export.summary.files")).append(nl);
        return text.toString();
    }

    /** Lets a receipt be written into a ZIP entry without closing the ZIP. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
