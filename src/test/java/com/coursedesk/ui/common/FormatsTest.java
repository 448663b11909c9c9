package com.coursedesk.ui.common;

import com.coursedesk.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Formats needs no toolkit: plain JDK formatting plus the bundle's words. */
class FormatsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Locale EN_GB = new Locale("en", "GB");
    private static final Locale EN_US = new Locale("en", "US");
    private static final Locale ES_ES = new Locale("es", "ES");

    private static Formats formats(Locale locale, ZoneId zone) {
        return new Formats(locale, zone, Messages.load(locale));
    }

    @Test
    void moneyUsesTheCurrencysOwnDecimalsWhateverTheLocale() {
        Formats gb = formats(EN_GB, LONDON);
        assertThat(gb.money(3900, GBP)).isEqualTo("£39.00");
        assertThat(gb.money(490_000, JPY)).isEqualTo("JP¥490,000");
        assertThat(gb.money(123_456, USD)).isEqualTo("US$1,234.56");
        assertThat(gb.money(-1999, EUR)).isEqualTo("-€19.99");
        assertThat(formats(EN_US, LONDON).money(4900, JPY)).isEqualTo("¥4,900");
        // Bahraini dinar: three decimals.
        assertThat(gb.money(5, Currency.getInstance("BHD"))).isEqualTo("BHD0.005");
    }

    @Test
    void moneyFollowsTheLocalesWayOfWritingNumbers() {
        Formats es = formats(ES_ES, LONDON);
        assertThat(es.money(123_456, EUR)).isEqualTo("1.234,56\u00a0€");
        assertThat(es.money(490_000, JPY)).isEqualTo("490.000\u00a0JPY");
        assertThat(formats(Locale.GERMANY, LONDON).money(3900, GBP)).isEqualTo("39,00\u00a0£");
    }

    @Test
    void moneyAcceptsTheDomainRecord() {
        assertThat(formats(EN_GB, LONDON).money(Money.of(3900, "GBP"))).isEqualTo("£39.00");
    }

    @Test
    void datesAreTheDateInTheLearnersZone() {
        // 23:30 UTC on 3 May is already 4 May in London (summer time) and in Tokyo, still 3 May in New York.
        Instant lateEvening = Instant.parse("2026-05-03T23:30:00Z");
        assertThat(formats(EN_GB, LONDON).date(lateEvening)).isEqualTo("4 May 2026");
        assertThat(formats(EN_US, ZoneId.of("America/New_York")).date(lateEvening)).isEqualTo("May 3, 2026");
        assertThat(formats(ES_ES, ZoneId.of("Asia/Tokyo")).longDate(lateEvening)).isEqualTo("4 de mayo de 2026");
        assertThat(formats(EN_GB, LONDON).dateTime(lateEvening)).isEqualTo("4 May 2026, 00:30");
        assertThat(formats(EN_US, ZoneId.of("America/New_York")).time(lateEvening)).isEqualTo("7:30 PM");
        assertThat(formats(EN_GB, LONDON).date(LocalDate.of(2026, 12, 25))).isEqualTo("25 Dec 2026");
        assertThat(formats(EN_GB, LONDON).longDate(LocalDate.of(2026, 12, 25))).isEqualTo("25 December 2026");
    }

    @Test
    void dayMonthDropsTheYearTheLocalesWay() {
        LocalDate may3 = LocalDate.of(2026, 5, 3);
        assertThat(formats(EN_GB, LONDON).dayMonth(may3)).isEqualTo("3 May");
        assertThat(formats(EN_US, LONDON).dayMonth(may3)).isEqualTo("May 3");
        assertThat(formats(ES_ES, LONDON).dayMonth(may3)).isEqualTo("3 de mayo");
        assertThat(formats(Locale.GERMANY, LONDON).dayMonth(may3)).isEqualTo("3. Mai");
        assertThat(formats(Locale.JAPAN, LONDON).dayMonth(may3)).isEqualTo("5月3日");
        assertThat(formats(new Locale("hu", "HU"), LONDON).dayMonth(may3)).isEqualTo("május 3.");
        assertThat(formats(new Locale("ru", "RU"), LONDON).dayMonth(may3)).isEqualTo("3 мая");
        assertThat(formats(EN_GB, LONDON).dayMonth(Instant.parse("2026-05-03T23:30:00Z"))).isEqualTo("4 May");
    }

    @Test
    void relativeTimesInWords() {
        Formats gb = formats(EN_GB, LONDON);
        Instant now = Instant.parse("2026-05-03T10:00:00Z");
        assertThat(gb.relative(now.plusSeconds(20), now)).isEqualTo("now");
        assertThat(gb.relative(now.plus(Duration.ofMinutes(1)), now)).isEqualTo("in 1 minute");
        assertThat(gb.relative(now.plus(Duration.ofMinutes(45)), now)).isEqualTo("in 45 minutes");
        assertThat(gb.relative(now.minus(Duration.ofMinutes(2)), now)).isEqualTo("2 minutes ago");
        assertThat(gb.relative(now.plus(Duration.ofHours(1)), now)).isEqualTo("in 1 hour");
        assertThat(gb.relative(now.minus(Duration.ofHours(5)), now)).isEqualTo("5 hours ago");
        assertThat(gb.relative(now.plus(Duration.ofDays(2)), now)).isEqualTo("in 2 days");
        assertThat(gb.relative(now.minus(Duration.ofDays(1)), now)).isEqualTo("yesterday");
        assertThat(gb.relative(now.minus(Duration.ofDays(30)), now)).isEqualTo("30 days ago");
        assertThat(gb.relative(now.plus(Duration.ofDays(1000)), now)).isEqualTo("in 1,000 days");
    }

    @Test
    void relativeDaysCountCalendarDaysInTheLearnersZone() {
        Formats gb = formats(EN_GB, LONDON);
        // 22:00 on 3 May in London: 25 hours on is 23:00 on 4 May, 26 hours on is midnight on 5 May.
        Instant evening = Instant.parse("2026-05-03T21:00:00Z");
        assertThat(gb.relative(evening.plus(Duration.ofHours(25)), evening)).isEqualTo("tomorrow");
        assertThat(gb.relative(evening.plus(Duration.ofHours(26)), evening)).isEqualTo("in 2 days");
        // The same instants seen from New York (17:00 on 3 May) are both tomorrow.
        Formats ny = formats(EN_US, ZoneId.of("America/New_York"));
        assertThat(ny.relative(evening.plus(Duration.ofHours(26)), evening)).isEqualTo("tomorrow");
    }

    @Test
    void theZoneIsNamedAsTheLearnerKnowsItInTheirLanguage() {
        assertThat(formats(EN_GB, ZoneId.of("Etc/UTC")).zoneName()).isEqualTo("UTC");
        assertThat(formats(EN_US, ZoneId.of("Europe/Paris")).zoneName()).isEqualTo("Central European Time");
        assertThat(formats(ES_ES, ZoneId.of("Europe/Paris")).zoneName()).isEqualTo("hora de Europa central");
        assertThat(formats(ES_ES, ZoneId.of("America/Argentina/Buenos_Aires")).zoneName()).isEqualTo("hora de Argentina");
    }

    @Test
    void relativeTimesInSpanish() {
        Formats es = formats(ES_ES, ZoneId.of("Europe/Madrid"));
        Instant now = Instant.parse("2026-05-03T10:00:00Z");
        assertThat(es.relative(now, now)).isEqualTo("ahora");
        assertThat(es.relative(now.plus(Duration.ofDays(1)), now)).isEqualTo("mañana");
        assertThat(es.relative(now.plus(Duration.ofDays(3)), now)).isEqualTo("dentro de 3 días");
        assertThat(es.relative(now.minus(Duration.ofHours(1)), now)).isEqualTo("hace 1 hora");
        assertThat(es.relative(now.minus(Duration.ofDays(1500)), now)).isEqualTo("hace 1.500 días");
    }
}
