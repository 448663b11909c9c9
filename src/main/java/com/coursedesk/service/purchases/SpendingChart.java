package com.coursedesk.service.purchases;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Spending over time, per currency: the totals of paid purchases by calendar month or year in
 * the learner's time zone. Refunded, failed and pending payments are not spending. Periods
 * with nothing paid between the first and the last one are present with zero, so a gap in
 * spending shows as a gap.
 */
public final class SpendingChart {

    /** The width of one bar. */
    public enum Granularity {
        MONTH, YEAR
    }

    /**
     * One bar: the total paid in the period starting on {@code periodStart} (the first day of
     * its month or year).
     */
    public record Bar(LocalDate periodStart, Money total) {

        public Bar {
            Objects.requireNonNull(periodStart, "periodStart");
            Objects.requireNonNull(total, "total");
        }
    }

    private static final SpendingChart EMPTY = new SpendingChart(Map.of(), List.of());

    private final Map<Currency, TreeMap<YearMonth, Long>> months;
    private final List<Currency> currencies;

    private SpendingChart(Map<Currency, TreeMap<YearMonth, Long>> months, List<Currency> currencies) {
        this.months = months;
        this.currencies = currencies;
    }

    public static SpendingChart empty() {
        return EMPTY;
    }

    /** The chart of the paid purchases among {@code purchases}, in {@code zone}'s calendar. */
    public static SpendingChart of(Collection<Purchase> purchases, ZoneId zone) {
        Months months = new Months(zone);
        for (Purchase p : purchases) {
            if (p.status() == PurchaseStatus.PAID) {
                months.add(p.total().currency(), p.purchasedAt().toEpochMilli(), p.total().amountMinor());
            }
        }
        return months.chart();
    }

    /** The chart of the paid purchases among a search's matches, read from their columns. */
    public static SpendingChart of(PurchaseMatches matches, ZoneId zone) {
        Months months = new Months(zone);
        for (int i = 0; i < matches.size(); i++) {
            if (matches.status(i) == PurchaseStatus.PAID) {
                months.add(matches.totalCurrency(i), matches.purchasedAtMillis(i), matches.totalMinor(i));
            }
        }
        return months.chart();
    }

    /** Sums per currency and calendar month in one zone. */
    private static final class Months {
        private final ZoneId zone;
        private final Map<Currency, TreeMap<YearMonth, Long>> months = new HashMap<>();
        private final Map<Currency, Integer> counts = new HashMap<>();
        // The month of the previous purchase and its bounds: a history sorted by date mostly
        // stays in one month from one purchase to the next, so the zone is consulted once a month.
        private YearMonth month;
        private long monthStart = Long.MAX_VALUE;
        private long monthEnd = Long.MIN_VALUE;

        Months(ZoneId zone) {
            this.zone = zone;
        }

        void add(Currency currency, long purchasedAtMillis, long amountMinor) {
            if (purchasedAtMillis < monthStart || purchasedAtMillis >= monthEnd) {
                month = YearMonth.from(Instant.ofEpochMilli(purchasedAtMillis).atZone(zone));
                monthStart = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
                monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            months.computeIfAbsent(currency, c -> new TreeMap<>()).merge(month, amountMinor, Math::addExact);
            counts.merge(currency, 1, Integer::sum);
        }

        SpendingChart chart() {
            List<Currency> order = new ArrayList<>(months.keySet());
            order.sort(Comparator.<Currency>comparingInt(c -> -counts.get(c)).thenComparing(Currency::getCurrencyCode));
            return new SpendingChart(months, List.copyOf(order));
        }
    }

    /** The currencies with spending, the one with most payments first. */
    public List<Currency> currencies() {
        return currencies;
    }

    public boolean isEmpty() {
        return currencies.isEmpty();
    }

    /** The bars of one currency, oldest first; empty if nothing was paid in it. */
    public List<Bar> bars(Currency currency, Granularity granularity) {
        TreeMap<YearMonth, Long> byMonth = months.get(currency);
        if (byMonth == null || byMonth.isEmpty()) {
            return List.of();
        }
        List<Bar> bars = new ArrayList<>();
        if (granularity == Granularity.MONTH) {
            for (YearMonth m = byMonth.firstKey(); !m.isAfter(byMonth.lastKey()); m = m.plusMonths(1)) {
                bars.add(new Bar(m.atDay(1), new Money(byMonth.getOrDefault(m, 0L), currency)));
            }
        } else {
            TreeMap<Integer, Long> byYear = new TreeMap<>();
            byMonth.forEach((m, sum) -> byYear.merge(m.getYear(), sum, Math::addExact));
            for (int y = byYear.firstKey(); y <= byYear.lastKey(); y++) {
                bars.add(new Bar(LocalDate.of(y, 1, 1), new Money(byYear.getOrDefault(y, 0L), currency)));
            }
        }
        return List.copyOf(bars);
    }
}
