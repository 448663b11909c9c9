package com.coursedesk.service.paperwork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A tax year: a calendar year, or a fiscal year of twelve months from a start month
 * ({@code 2025} from April is 1 April 2025 to 31 March 2026). Its bounds are midnights in the
 * learner's time zone: a purchase belongs to the year whose days it was made on there.
 *
 * @param year       the year it starts in
 * @param startMonth its first month (January for a calendar year)
 */
public record TaxYear(int year, Month startMonth) {

    public TaxYear {
        Objects.requireNonNull(startMonth, "startMonth");
        if (year < 1970 || year > 9998) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    public static TaxYear calendar(int year) {
        return new TaxYear(year, Month.JANUARY);
    }

    /** @param startMonth 1 to 12 */
    public static TaxYear starting(int year, int startMonth) {
        return new TaxYear(year, Month.of(startMonth));
    }

    public boolean isCalendarYear() {
        return startMonth == Month.JANUARY;
    }

    /** The first day. */
    public LocalDate firstDay() {
        return LocalDate.of(year, startMonth, 1);
    }

    /** The last day (inclusive). */
    public LocalDate lastDay() {
        return firstDay().plusYears(1).minusDays(1);
    }

    /** The first instant, midnight at the start of the first day in {@code zone} (inclusive). */
    public Instant from(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The midnight after the last day in {@code zone} (exclusive). */
    public Instant before(ZoneId zone) {
        return firstDay().plusYears(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant instant, ZoneId zone) {
        return !instant.isBefore(from(zone)) && instant.isBefore(before(zone));
    }

    /** "2025", or "2025-26" for a fiscal year. */
    public String label() {
        if (isCalendarYear()) {
            return Integer.toString(year);
        }
        return year + "-" + String.format("%02d", (year + 1) % 100);
    }
}
