package com.coursedesk.service.purchases;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class SpendingChartTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static Purchase paid(String id, String at, long minor, String currency) {
        return purchase(id).price(minor, currency).purchasedAt(Instant.parse(at)).build();
    }

    @Test
    void oneSeriesPerCurrencyPaidOnlyByMonthWithEmptyMonthsBetween() {
        List<Purchase> purchases = List.of(
                paid("a", "2026-01-05T10:00:00Z", 3900, "GBP"),
                paid("b", "2026-01-20T10:00:00Z", 999, "GBP"),
                paid("c", "2026-03-02T10:00:00Z", 2999, "GBP"),
                purchase("d").price(3900, "GBP").status(PurchaseStatus.REFUNDED)
                        .purchasedAt(Instant.parse("2026-02-10T10:00:00Z")).build(),
                purchase("e").price(3900, "GBP").status(PurchaseStatus.FAILED)
                        .purchasedAt(Instant.parse("2026-04-10T10:00:00Z")).build(),
                purchase("f").price(3900, "GBP").status(PurchaseStatus.PENDING)
                        .purchasedAt(Instant.parse("2026-05-10T10:00:00Z")).build(),
                paid("g", "2026-02-14T10:00:00Z", 4900, "JPY"));
        SpendingChart chart = SpendingChart.of(purchases, LONDON);

        assertThat(chart.currencies()).containsExactly(GBP, JPY);
        assertThat(chart.bars(GBP, SpendingChart.Granularity.MONTH)).containsExactly(
                new SpendingChart.Bar(LocalDate.of(2026, 1, 1), Money.of(4899, "GBP")),
                new SpendingChart.Bar(LocalDate.of(2026, 2, 1), Money.of(0, "GBP")),
                new SpendingChart.Bar(LocalDate.of(2026, 3, 1), Money.of(2999, "GBP")));
        assertThat(chart.bars(JPY, SpendingChart.Granularity.MONTH)).containsExactly(
                new SpendingChart.Bar(LocalDate.of(2026, 2, 1), Money.of(4900, "JPY")));
        assertThat(chart.bars(Currency.getInstance("USD"), SpendingChart.Granularity.MONTH)).isEmpty();
    }

    @Test
    void byYearSumsTheLearnersCalendarYears() {
        List<Purchase> purchases = List.of(
                paid("a", "2024-06-01T10:00:00Z", 3900, "GBP"),
                paid("b", "2026-02-01T10:00:00Z", 999, "GBP"),
                paid("c", "2026-09-01T10:00:00Z", 1000, "GBP"));
        assertThat(SpendingChart.of(purchases, LONDON).bars(GBP, SpendingChart.Granularity.YEAR)).containsExactly(
                new SpendingChart.Bar(LocalDate.of(2024, 1, 1), Money.of(3900, "GBP")),
                new SpendingChart.Bar(LocalDate.of(2025, 1, 1), Money.of(0, "GBP")),
                new SpendingChart.Bar(LocalDate.of(2026, 1, 1), Money.of(1999, "GBP")));
    }

    @Test
    void monthsAndYearsAreCountedInTheLearnersZone() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London; New Year's Eve 23:30 UTC is New Year in Tokyo.
        List<Purchase> purchases = List.of(
                paid("a", "2025-06-30T23:30:00Z", 4900, "JPY"),
                paid("b", "2025-12-31T23:30:00Z", 1000, "JPY"));
        assertThat(SpendingChart.of(purchases, LONDON).bars(JPY, SpendingChart.Granularity.MONTH).get(0).periodStart())
                .isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(SpendingChart.of(purchases, ZoneOffset.UTC).bars(JPY, SpendingChart.Granularity.MONTH).get(0)
                .periodStart()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(SpendingChart.of(purchases, ZoneId.of("Asia/Tokyo")).bars(JPY, SpendingChart.Granularity.YEAR))
                .containsExactly(new SpendingChart.Bar(LocalDate.of(2025, 1, 1), Money.of(4900, "JPY")),
                        new SpendingChart.Bar(LocalDate.of(2026, 1, 1), Money.of(1000, "JPY")));
    }

    @Test
    void nothingPaidIsAnEmptyChart() {
        SpendingChart chart = SpendingChart.of(List.of(purchase("a").status(PurchaseStatus.REFUNDED).build()), LONDON);
        assertThat(chart.isEmpty()).isTrue();
        assertThat(chart.currencies()).isEmpty();
        assertThat(SpendingChart.empty().bars(GBP, SpendingChart.Granularity.YEAR)).isEmpty();
    }
}
