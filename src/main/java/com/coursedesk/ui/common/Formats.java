package com.coursedesk.ui.common;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.ZoneNames;
import com.coursedesk.service.sync.RetryDelay;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money, dates and "in 2 days" as the learner reads them: in their locale and time zone. One
 * instance per chosen locale and zone, built by the composition root and handed to
 * view-models; thread-safe. Words come from the bundle, month names from the locale.
 */
public final class Formats {

    private final Locale locale;
    private final ZoneId zone;
    private final Messages messages;
    private final DateTimeFormatter mediumDate;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayMonth;
    private final Map<Currency, NumberFormat> moneyFormats = new ConcurrentHashMap<>();
    private volatile String zoneName;

    /**
     * @param locale   how numbers, money and dates are written (the learner's locale)
     * @param zone     the learner's time zone: an instant is shown as the date it is there
     * @param messages the words of relative times
     */
    public Formats(Locale locale, ZoneId zone, Messages messages) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.mediumDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.dayMonth = DateTimeFormatter.ofPattern(dayMonthPattern(locale), locale).withZone(zone);
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The learner's zone as they know it, in their language ({@code Central European Time},
     * {@code hora de Europa central}, {@code UTC}): see {@link ZoneNames#name}. Read when first
     * asked, not at start: the JDK's zone names take tens of milliseconds to load.
     */
    public String zoneName() {
        String name = zoneName;
        if (name == null) {
            name = ZoneNames.name(zone, locale);
            zoneName = name;
        }
        return name;
    }

    /**
     * {@code amountMinor} minor units of {@code currency} as this locale writes money, with that
     * currency's symbol and its own number of decimals: 3900 GBP is {@code £39.00} in en-GB,
     * 4900 JPY is {@code ¥4,900} in en-US, with no decimals, whatever the locale's own currency.
     */
    public String money(long amountMinor, Currency currency) {
        return money(new Money(amountMinor, currency));
    }

    public String money(Money money) {
        // As Money.format(locale) writes it, with one formatter per currency: making one per call
        // (a currency symbol looked up through the locale providers) cost tens of microseconds, for
        // every visible table cell and chart bar on the UI thread.
        NumberFormat format = moneyFormats.computeIfAbsent(money.currency(), currency -> {
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(currency);
            f.setMinimumFractionDigits(money.fractionDigits());
            f.setMaximumFractionDigits(money.fractionDigits());
            return f;
        });
        synchronized (format) {
            return format.format(money.toDecimal());
        }
    }

    /** The date of {@code instant} in the learner's zone, medium length ({@code 3 May 2026}). */
    public String date(Instant instant) {
        return mediumDate.format(instant);
    }

    public String date(LocalDate date) {
        return mediumDate.format(date);
    }

    /** The date in full words where the locale has them ({@code 3 May 2026}, {@code May 3, 2026}). */
    public String longDate(Instant instant) {
        return longDate.format(instant);
    }

    public String longDate(LocalDate date) {
        return longDate.format(date);
    }

    /** Date and time of day in the learner's zone ({@code 3 May 2026, 14:05}). */
    public String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    /** Time of day in the learner's zone ({@code 14:05}, {@code 2:05 PM}). */
    public String time(Instant instant) {
        return time.format(instant);
    }

    /** Day and month without the year, for dates in the coming months ({@code 3 May}, {@code May 3}). */
    public String dayMonth(Instant instant) {
        return dayMonth.format(instant);
    }

    public String dayMonth(LocalDate date) {
        return dayMonth.format(date);
    }

    /**
     * How far {@code target} is from {@code now}, in words: "now" within a minute, then minutes,
     * hours, and from a day on whole calendar days in the learner's zone ("tomorrow",
     * "in 3 days", "2 days ago"), so that a renewal at 01:00 tomorrow is "tomorrow" tonight.
     */
    public String relative(Instant target, Instant now) {
        Duration between = Duration.between(now, target);
        boolean future = !between.isNegative();
        Duration size = between.abs();
        if (size.compareTo(Duration.ofMinutes(1)) < 0) {
            return messages.get("format.relative.now");
        }
        if (size.compareTo(Duration.ofHours(1)) < 0) {
            long minutes = size.toMinutes();
            return future ? messages.get("format.relative.inMinutes", minutes)
                    : messages.get("format.relative.minutesAgo", minutes);
        }
        if (size.compareTo(Duration.ofDays(1)) < 0) {
            long hours = size.toHours();
            return future ? messages.get("format.relative.inHours", hours)
                    : messages.get("format.relative.hoursAgo", hours);
        }
        long days = Math.abs(ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), target.atZone(zone).toLocalDate()));
        return future ? messages.get("format.relative.inDays", days)
                : messages.get("format.relative.daysAgo", days);
    }

    /** How soon a retry at {@code at} comes, roughly, in words ({@link RetryDelay}). */
    public String retryIn(Instant at, Instant now) {
        RetryDelay delay = RetryDelay.between(now, at);
        return messages.get(delay.key(), delay.amount());
    }

    /**
     * The locale's long date pattern without its year: Java 17 has no localized "day and month"
     * skeleton, so the year field and the literals that belong to it are cut out
     * ({@code d MMMM y} → {@code d MMMM}, {@code MMMM d, y} → {@code MMMM d},
     * {@code d 'de' MMMM 'de' y} → {@code d 'de' MMMM}, {@code y年M月d日} → {@code M月d日}).
     */
    static String dayMonthPattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.LONG, null, IsoChronology.INSTANCE, locale);
        List<String> tokens = tokenize(pattern);
        int year = -1;
        for (int i = 0; i < tokens.size(); i++) {
            char first = tokens.get(i).charAt(0);
            if (first == 'y' || first == 'u') {
                year = i;
                break;
            }
        }
        if (year < 0) {
            return pattern;
        }
        int previousField = lastFieldBefore(tokens, year);
        int nextField = firstFieldAfter(tokens, year);
        int from;
        int to;
        if (nextField < 0) {
            // Year last: it goes with what separates it from the previous field and what follows it.
            from = previousField + 1;
            to = tokens.size();
        } else {
            // Year first or in the middle: it goes with the literals up to the next field.
            from = year;
            to = nextField;
        }
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i < from || i >= to) {
                result.append(tokens.get(i));
            }
        }
        return result.toString().strip();
    }

    private static int lastFieldBefore(List<String> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (isField(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstFieldAfter(List<String> tokens, int index) {
        for (int i = index + 1; i < tokens.size(); i++) {
            if (isField(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isField(String token) {
        char c = token.charAt(0);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Pattern letters in runs, quoted literals whole, every other character on its own. */
    private static List<String> tokenize(String pattern) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end = i + 1;
            if (c == '\'') {
                while (end < pattern.length()) {
                    if (pattern.charAt(end) == '\'') {
                        if (end + 1 < pattern.length() && pattern.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        end++;
                        break;
                    }
                    end++;
                }
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                while (end < pattern.length() && pattern.charAt(end) == c) {
                    end++;
                }
            }
            tokens.add(pattern.substring(i, end));
            i = end;
        }
        return tokens;
    }
}
