package com.coursedesk.service.purchases;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Purchase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Writes purchases to a CSV file (RFC 4180: commas, quotes and line breaks inside titles are
 * quoted), in the order given, one row each. Dates are ISO 8601 in the learner's time zone;
 * amounts are plain decimals ({@code 39.00}, {@code 4900} for yen) with the currency code in
 * a column of its own, so a spreadsheet can sum them. The file is UTF-8 with a byte order
 * mark, without which Excel reads 機械学習 or Automático as mojibake. Column names are fixed
 * identifiers, not translated, so programs that read the file do not depend on the language.
 */
public final class PurchaseCsvExporter {

    /** The header row. */
    public static final List<String> HEADER = List.of("date", "purchased_at", "receipt_number", "title", "partner",
            "type", "kind", "channel", "status", "currency", "amount", "tax", "total", "payment_method",
            "refundable_until", "refunded_at", "purchase_id");

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseCsvExporter.class);
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .get();

    private final ZoneId zone;

    /** @param zone the learner's time zone, in which dates are written */
    public PurchaseCsvExporter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Writes {@code purchases} to {@code file}, replacing it. The file appears whole or not at
     * all: it is written beside the target and then moved over it.
     *
     * @return how many purchases were written
     * @throws IOException if the file cannot be written (nothing is left behind)
     */
    public int export(List<Purchase> purchases, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".purchases-", ".csv.tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(purchases, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        LOG.info("Exported {} purchases to {}", purchases.size(), target);
        return purchases.size();
    }

    /** Writes the byte order mark, the header and one row per purchase to {@code out}. */
    void write(List<Purchase> purchases, Writer out) throws IOException {
        out.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (Purchase p : purchases) {
            if (Thread.currentThread().isInterrupted()) {
                // The learner cancelled (or the app is closing): the temporary file is removed.
                throw new InterruptedIOException("CSV export cancelled");
            }
            printer.printRecord(
                    p.purchasedAt().atZone(zone).toLocalDate().toString(),
                    dateTime(p.purchasedAt()),
                    p.receiptNumber(),
                    p.product().title(),
                    p.product().partner(),
                    p.product().type().wireName(),
                    p.kind().wireName(),
                    p.channel().wireName(),
                    p.status().wireName(),
                    p.total().currency().getCurrencyCode(),
                    decimal(p.amount()),
                    decimal(p.tax()),
                    decimal(p.total()),
                    paymentMethod(p.paymentMethod()),
                    dateTime(p.refundableUntil()),
                    dateTime(p.refundedAt()),
                    p.id());
        }
        printer.flush();
    }

    private String dateTime(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    private static String decimal(Money money) {
        return money.toDecimal().toPlainString();
    }

    private static String paymentMethod(PaymentMethod method) {
        if (method instanceof PaymentMethod.Card card) {
            return card.brand() + " \u2022\u2022\u2022\u2022 " + card.last4();
        }
        return "paypal " + ((PaymentMethod.PayPal) method).maskedEmail();
    }
}
