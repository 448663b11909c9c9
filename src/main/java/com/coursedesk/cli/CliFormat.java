package com.coursedesk.cli;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.ZoneNames;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Money and times as the learner reads them: money per their locale with each amount's own
 * currency, instants in their time zone. Machine formats (CSV, JSON) do not use this.
 */
final class CliFormat {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    CliFormat(Locale locale, ZoneId zone) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    }

    String money(Money money) {
        return money.format(locale);
    }

    /**
     * Several currencies' sums side by side, e.g. "£1,234.00 · $56.00", in currency-code order:
     * never joined with "+", which reads as if they were added across currencies.
     */
    String moneySums(Collection<Money> amounts) {
        Map<String, Long> sums = new TreeMap<>();
        for (Money m : amounts) {
            sums.merge(m.currency().getCurrencyCode(), m.amountMinor(), Math::addExact);
        }
        return sums.entrySet().stream().map(e -> money(Money.of(e.getValue(), e.getKey())))
                .collect(Collectors.joining(" · "));
    }

    String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    String date(Instant instant) {
        return date.format(instant);
    }

    /** Time of day ({@code 14:05}, {@code 2:05 PM}). */
    String time(Instant instant) {
        return time.format(instant);
    }

    ZoneId zone() {
        return zone;
    }

    /** The zone as the learner knows it ("Central European Time", "UTC"), never its raw id. */
    String zoneName() {
        return ZoneNames.name(zone, locale);
    }

    Locale locale() {
        return locale;
    }
}
