package com.coursedesk.service.purchases;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static com.coursedesk.service.purchases.PurchaseFixtures.NOW;
import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history screen's queries over 100,000 purchases: each must answer well within a second
 * on these machines (the bound is loose so a busy build machine does not fail it; the point
 * is to catch a full scan per keystroke or anything quadratic).
 */
class PurchaseHistoryScaleTest {

    private static final int COUNT = 100_000;
    private static final Duration BOUND = Duration.ofSeconds(4);
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseHistoryScaleTest.class);
    private static final String[] SUBJECTS = {"Data Science", "Machine Learning", "Cálculo", "Psychology", "機械学習",
        "Marketing", "Finance", "Écologie", "Statistics", "Design"};

    @TempDir
    static Path dir;
    private static LocalStore store;
    private static PurchaseHistoryService history;

    @BeforeAll
    static void fill() {
        List<Purchase> purchases = new ArrayList<>(COUNT);
        Channel[] channels = Channel.values();
        PurchaseStatus[] statuses = PurchaseStatus.values();
        for (int i = 0; i < COUNT; i++) {
            purchases.add(purchase("s" + i).title(SUBJECTS[i % SUBJECTS.length] + " " + i)
                    .partner("Partner " + (i % 200)).price(999 + (i % 90) * 100L, i % 6 == 5 ? "JPY" : "GBP")
                    .channel(channels[i % channels.length]).status(statuses[(i / 7) % statuses.length])
                    .purchasedAt(NOW.minusSeconds(1 + (long) i * 1500)).build());
        }
        store = PurchaseFixtures.store(dir, purchases);
        history = new PurchaseHistoryService(store,
                PurchaseFixtures.actions(store, PurchaseFixtures.clockAt(NOW), () -> { }), ZoneId.of("Europe/London"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static <T> T timed(String what, Supplier<T> work) {
        history.search(PurchaseFilter.all().withText("warm"));
        long start = System.nanoTime();
        T result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("{} over {} purchases: {} ms", what, COUNT, took.toMillis());
        assertThat(took).as(what).isLessThan(BOUND);
        return result;
    }

    @Test
    void typedSearchFiltersAndTheWholeHistoryStayFast() {
        List<PurchaseEntry> typed = timed("search 'machine learn'",
                () -> history.search(PurchaseFilter.all().withText("machine learn")));
        assertThat(typed).hasSize(COUNT / SUBJECTS.length)
                .allMatch(e -> e.purchase().product().title().startsWith("Machine Learning"));

        List<PurchaseEntry> accents = timed("search 'calculo'", () -> history.search(PurchaseFilter.all().withText("calculo")));
        assertThat(accents).hasSize(COUNT / SUBJECTS.length);

        List<PurchaseEntry> refunded = timed("filter refunded + app store", () -> history.search(PurchaseFilter.all()
                .withStatus(PurchaseStatus.REFUNDED).withChannel(Channel.APP_STORE)));
        assertThat(refunded).isNotEmpty().allMatch(e -> e.purchase().status() == PurchaseStatus.REFUNDED
                && e.purchase().channel() == Channel.APP_STORE);

        List<PurchaseEntry> year = timed("filter year 2025", () -> history.search(PurchaseFilter.all().withYear(Year.of(2025))));
        assertThat(year).isNotEmpty();

        List<PurchaseEntry> all = timed("everything", () -> history.search(PurchaseFilter.all()));
        assertThat(all).hasSize(COUNT);
        List<Purchase> purchases = all.stream().map(PurchaseEntry::purchase).toList();
        PurchaseTotals totals = timed("totals", () -> PurchaseTotals.of(purchases));
        assertThat(totals.paid()).hasSize(2);
        SpendingChart chart = timed("chart", () -> SpendingChart.of(purchases, ZoneId.of("Europe/London")));
        assertThat(chart.currencies()).hasSize(2);
        List<Year> years = timed("years", () -> history.years());
        assertThat(years).hasSizeGreaterThan(4);
    }
}
