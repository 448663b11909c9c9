package com.coursedesk.service.purchases;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.actions.ActionService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchases with plausible defaults and a local store holding them, for the purchase history's
 * service and view-model tests. "Now" is {@link #NOW}; the learner lives in London.
 */
public final class PurchaseFixtures {

    /** The tests' present: a Sunday in May, British Summer Time. */
    public static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
    public static final Duration DAY = Duration.ofDays(1);

    private PurchaseFixtures() {
    }

    public static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    public static Builder purchase(String id) {
        return new Builder(id);
    }

    /** A store at {@code dir}/store.db holding {@code purchases}; close it after the test. */
    public static LocalStore store(Path dir, List<Purchase> purchases) {
        LocalStore store = LocalStore.open(dir.resolve("store.db"));
        store.write(c -> {
            new PurchaseDao().upsertAll(c, purchases);
            return null;
        });
        return store;
    }

    /** The outbox over {@code store}, as the app builds it but with no server behind it (nothing is sent). */
    public static ActionService actions(LocalStore store, Clock clock, Runnable onQueued) {
        AtomicInteger keys = new AtomicInteger();
        return new ActionService(store, null, clock, () -> "key-" + keys.incrementAndGet(), onQueued);
    }

    /**
     * An exported CSV file read back as a spreadsheet or a program would: the UTF-8 byte order
     * mark checked and dropped, the header row checked, then the records.
     */
    public static List<CSVRecord> readCsv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).as("UTF-8 byte order mark").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).isEqualTo(PurchaseCsvExporter.HEADER);
            return parser.getRecords();
        }
    }

    /**
     * A history with one purchase for every refund position, four currencies and three years:
     * paid totals £125.97, €45.00, ¥4,900, US$49.00; refunded £39.00.
     */
    public static List<Purchase> adaLikeHistory() {
        return List.of(
                purchase("p01").title("Introduction to Psychology").partner("Yale University")
                        .price(3900, "GBP").purchasedAt(NOW.minus(DAY.multipliedBy(5))).webWindow(14).build(),
                purchase("p02").title("Aprendizaje Automático").partner("Universidad de los Andes")
                        .type(ProductType.SPECIALIZATION).kind(PurchaseKind.SUBSCRIPTION_PAYMENT)
                        .price(4500, "EUR").purchasedAt(NOW.minus(DAY.multipliedBy(40))).build(),
                purchase("p03").title("Learning How to Learn").partner("Deep Teaching Solutions")
                        .channel(Channel.APP_STORE).price(2999, "GBP")
                        .purchasedAt(NOW.minus(DAY.multipliedBy(10))).build(),
                purchase("p04").title("Getting Started with Trello").partner("Coursera Project Network")
                        .type(ProductType.GUIDED_PROJECT).channel(Channel.GOOGLE_PLAY).price(799, "GBP")
                        .purchasedAt(NOW.minus(DAY.multipliedBy(12))).build(),
                purchase("p05").title("Financial Markets").partner("Yale University").price(3900, "GBP")
                        .status(PurchaseStatus.REFUNDED).purchasedAt(Instant.parse("2026-01-20T10:00:00Z"))
                        .refundedAt(Instant.parse("2026-01-24T10:00:00Z")).webWindow(14).build(),
                purchase("p06").title("Writing in the Sciences").partner("Stanford University").price(3900, "GBP")
                        .status(PurchaseStatus.FAILED).purchasedAt(NOW.minus(DAY.multipliedBy(60))).webWindow(14)
                        .build(),
                purchase("p07").title("Create Charts and Dashboards in Google Sheets")
                        .partner("Coursera Project Network").type(ProductType.GUIDED_PROJECT).price(999, "GBP")
                        .status(PurchaseStatus.PENDING).purchasedAt(NOW.minus(Duration.ofHours(1))).webWindow(14)
                        .build(),
                purchase("p08").title("Build a Website with HTML, CSS and Bootstrap")
                        .partner("Coursera Project Network").type(ProductType.GUIDED_PROJECT).price(999, "GBP")
                        .purchasedAt(NOW.minus(DAY.multipliedBy(30))).webWindow(14).build(),
                // 00:30 on 1 July in London, still 30 June in UTC: the month is counted where the learner is.
                purchase("p09").title("機械学習入門").partner("東京大学").price(4900, "JPY")
                        .purchasedAt(Instant.parse("2025-06-30T23:30:00Z")).webWindow(14).build(),
                purchase("p10").title("The Science of Well-Being 😊").partner("Yale University").price(4900, "USD")
                        .purchasedAt(Instant.parse("2025-03-01T09:00:00Z"))
                        .paymentMethod(new PaymentMethod.PayPal("a***@example.com")).webWindow(14).build(),
                purchase("p11").title("The Data Scientist's Toolbox").partner("Johns Hopkins University")
                        .price(3900, "GBP").purchasedAt(Instant.parse("2024-02-11T15:00:00Z")).webWindow(14).build());
    }

    /** Builds a {@link Purchase}; a web one-off course, paid, £39.00 by Visa ending 4242, unless told otherwise. */
    public static final class Builder {
        private final String id;
        private PurchaseKind kind = PurchaseKind.ONE_TIME;
        private String title = "Machine Learning";
        private ProductType type = ProductType.COURSE;
        private String partner = "Stanford University";
        private String subscriptionId;
        private Money amount = Money.of(3250, "GBP");
        private Money tax = Money.of(650, "GBP");
        private Money total = Money.of(3900, "GBP");
        private Channel channel = Channel.WEB;
        private PurchaseStatus status = PurchaseStatus.PAID;
        private Instant purchasedAt = NOW.minus(DAY);
        private Instant refundedAt;
        private Instant refundableUntil;
        private int windowDays = -1;
        private String receipt;
        private PaymentMethod paymentMethod = new PaymentMethod.Card("visa", "4242");
        private long version = 1;

        Builder(String id) {
            this.id = id;
            this.receipt = "R-2026-" + id.toUpperCase(java.util.Locale.ROOT);
        }

        public Builder kind(PurchaseKind value) {
            kind = value;
            if (value == PurchaseKind.SUBSCRIPTION_PAYMENT && subscriptionId == null) {
                subscriptionId = "sub_" + id;
            }
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder type(ProductType value) {
            type = value;
            return this;
        }

        public Builder partner(String value) {
            partner = value;
            return this;
        }

        /** A tax-inclusive price split as the sandbox does (20 % VAT on GBP and EUR, 10 % on JPY). */
        public Builder price(long totalMinor, String currency) {
            int rate = switch (currency) {
                case "GBP", "EUR" -> 20;
                case "JPY" -> 10;
                default -> 0;
            };
            long net = Math.round(totalMinor * 100.0 / (100 + rate));
            amount = Money.of(net, currency);
            tax = Money.of(totalMinor - net, currency);
            total = Money.of(totalMinor, currency);
            return this;
        }

        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        public Builder status(PurchaseStatus value) {
            status = value;
            return this;
        }

        public Builder purchasedAt(Instant value) {
            purchasedAt = value;
            return this;
        }

        public Builder refundedAt(Instant value) {
            refundedAt = value;
            return this;
        }

        public Builder refundableUntil(Instant value) {
            refundableUntil = value;
            return this;
        }

        /** A web refund window of {@code days} days from the purchase. */
        public Builder webWindow(int days) {
            windowDays = days;
            return this;
        }

        public Builder receipt(String value) {
            receipt = value;
            return this;
        }

        public Builder paymentMethod(PaymentMethod value) {
            paymentMethod = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Purchase build() {
            Instant until = windowDays >= 0 ? purchasedAt.plus(DAY.multipliedBy(windowDays)) : refundableUntil;
            Instant updated = refundedAt != null ? refundedAt : purchasedAt;
            return new Purchase(id, kind, new Product("prd_" + id, title, type, partner), subscriptionId, amount, tax,
                    total, channel, status, purchasedAt, refundedAt, until, receipt, paymentMethod, updated, version);
        }
    }
}
